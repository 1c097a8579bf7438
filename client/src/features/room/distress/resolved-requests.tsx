import type { ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { useDisclosure } from './use-disclosure';

/**
 * Requests that are resolved, folded away under the open ones: out of the way of what still needs a
 * facilitator, but still there to read back (the full record is on the dashboard).
 */
export function ResolvedRequests({ count, children }: { count: number; children: ReactNode }) {
  const { buttonProps, panelProps } = useDisclosure();
  return (
    <div className="support-requests__resolved">
      <h3 className="support-requests__subtitle">
        <Button variant="quiet" className="disclosure-button" {...buttonProps}>Resolved ({count})</Button>
      </h3>
      <ul className="support-requests__list" aria-label="Resolved" {...panelProps}>
        {children}
      </ul>
    </div>
  );
}
