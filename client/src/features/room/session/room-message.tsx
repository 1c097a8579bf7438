import type { ReactNode } from 'react';
import { PageLayout } from '../../../components/layout/page-layout';

/**
 * A full-page moment outside the call: joining, left, closed, refused. The heading takes focus
 * (PageLayout) so a screen reader announces the change at once.
 */
export function RoomMessage({ title, message, busy, children }: { title: string; message?: string; busy?: boolean; children?: ReactNode }) {
  return (
    <PageLayout title={title}>
      <div className="room-message" aria-busy={busy || undefined}>
        {message ? <p className="room-message__text">{message}</p> : null}
        {children ? <div className="room-message__actions">{children}</div> : null}
      </div>
    </PageLayout>
  );
}
