import { useState } from 'react';
import { Link } from 'wouter';
import { PagePaths, type Account } from '@hearth/shared';
import { PageLayout } from '../../../components/layout/page-layout';
import type { ClientError } from '../../../lib/errors';
import { enterSession } from '../api/join-api';
import type { PreviewMedia } from '../hooks/use-preview-media';
import type { JoinedRoom } from '../types';
import { handOff } from './join-handoff';
import { PreJoinForm, type JoinDetails } from './pre-join-form';

export interface FacilitatorPreJoinProps {
  sessionId: string;
  account: Account;
  preview: PreviewMedia;
  onJoinStart?: () => void;
  onJoined: (room: JoinedRoom) => void;
}

/** A facilitator entering a live session from the dashboard; their sign-in cookie vouches for them. */
export function FacilitatorPreJoin({ sessionId, account, preview, onJoinStart, onJoined }: FacilitatorPreJoinProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);

  async function join(details: JoinDetails) {
    onJoinStart?.();
    setBusy(true);
    setError(null);
    const [result, settled] = await Promise.all([
      enterSession(sessionId, { displayName: details.displayName }),
      // If Join was pressed while the camera was still starting, join with it rather than without.
      preview.whenReady(),
    ]);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onJoined(handOff(settled, result.value, details.displayName));
  }

  return (
    <PageLayout title="Ready to join?" width="wide" headerActions={<Link href={PagePaths.dashboard}>Back to your groups</Link>}>
      <PreJoinForm
        preview={preview}
        defaultName={account.displayName}
        askOrganisation={false}
        busy={busy}
        error={error}
        onJoin={join}
        about={<p className="muted">You are joining as the facilitator.</p>}
      />
    </PageLayout>
  );
}
