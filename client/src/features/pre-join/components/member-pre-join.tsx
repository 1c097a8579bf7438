import { useEffect, useState } from 'react';
import type { InvitePreview } from '@hearth/shared';
import { PageLayout } from '../../../components/layout/page-layout';
import { Button } from '../../../components/ui/button';
import { clearCredential, loadCredential, saveCredential } from '../../../lib/credential-storage';
import type { ClientError } from '../../../lib/errors';
import { OBSERVATION_STATEMENT } from '../../../lib/observation';
import { getInvitePreview, redeemInvite } from '../api/join-api';
import type { PreviewMedia } from '../hooks/use-preview-media';
import { useRouteCheck } from '../hooks/use-route-check';
import type { JoinedRoom } from '../types';
import { inviteProblem, storedCredentialStillUsable } from './invite-messages';
import { handOff } from './join-handoff';
import { PreJoinForm, type JoinDetails } from './pre-join-form';
import { RouteCheckNotice } from './route-check-notice';

type InviteState =
  | { status: 'loading' }
  | { status: 'ready'; invite: InvitePreview | null }
  | { status: 'problem'; error: ClientError };

export interface MemberPreJoinProps {
  token: string;
  preview: PreviewMedia;
  onJoinStart?: () => void;
  onJoined: (room: JoinedRoom) => void;
}

/**
 * A member arriving from an invite link. A credential already stored for this link in this tab is
 * reused (a reload must not spend another use of the link); otherwise Join redeems the link.
 */
export function MemberPreJoin({ token, preview, onJoinStart, onJoined }: MemberPreJoinProps) {
  const [invite, setInvite] = useState<InviteState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  const { release } = preview;
  // [TN3] Only a usable link's preview carries ICE servers; "welcome back" (no preview) is not checked.
  const routeCheck = useRouteCheck(invite.status === 'ready' ? (invite.invite?.iceServers ?? null) : null);

  useEffect(() => {
    let active = true;
    void getInvitePreview(token).then((result) => {
      if (!active) return;
      if (result.ok) return setInvite({ status: 'ready', invite: result.value });
      if (loadCredential(token) && storedCredentialStillUsable(result.error)) {
        return setInvite({ status: 'ready', invite: null });
      }
      if (result.error.code === 'removed' || result.error.code === 'banned' || result.error.code === 'session_ended') clearCredential(token);
      setInvite({ status: 'problem', error: result.error });
    });
    return () => {
      active = false;
    };
  }, [token, attempt]);

  // Nobody should have their camera on for a link that cannot be used.
  const problem = invite.status === 'problem' ? inviteProblem(invite.error) : null;
  const permanent = problem !== null && !problem.canRetry;
  useEffect(() => {
    if (permanent) release();
  }, [permanent, release]);

  async function join(details: JoinDetails) {
    onJoinStart?.();
    setBusy(true);
    setError(null);
    let credential = loadCredential(token);
    if (!credential) {
      const result = await redeemInvite(token, {
        displayName: details.displayName,
        ...(details.organisation ? { organisation: details.organisation } : {}),
      });
      if (!result.ok) {
        setBusy(false);
        setError(result.error);
        return;
      }
      credential = result.value;
      saveCredential(token, credential);
    }
    // If Join was pressed while the camera was still starting, join with it rather than without.
    const settled = await preview.whenReady();
    setBusy(false);
    onJoined(handOff(settled, credential, details.displayName));
  }

  if (invite.status === 'loading') {
    return (
      <div className="loading" aria-busy="true">
        <p>Opening your invite…</p>
      </div>
    );
  }
  if (problem) {
    return (
      <PageLayout title={problem.title}>
        <p role="alert" className="notice">
          {problem.message}
        </p>
        {problem.canRetry ? (
          <Button variant="primary" onClick={() => {
            setInvite({ status: 'loading' });
            setAttempt((n) => n + 1);
          }}>
            Try again
          </Button>
        ) : null}
      </PageLayout>
    );
  }

  const details = invite.status === 'ready' ? invite.invite : null;
  return (
    <PageLayout title="Ready to join?" width="wide">
      <PreJoinForm
        preview={preview}
        askOrganisation={details?.asksOrganisation ?? false}
        busy={busy}
        error={error}
        onJoin={join}
        routeCheck={<RouteCheckNotice check={routeCheck.check} onRetry={routeCheck.retry} />}
        about={details ? <InviteAbout invite={details} /> : <p className="muted">Welcome back. You can join the session again.</p>}
      />
    </PageLayout>
  );
}

function InviteAbout({ invite }: { invite: InvitePreview }) {
  return (
    <div className="invite-about">
      <p className="invite-about__group">{invite.groupName}</p>
      <p className="invite-about__session">{invite.sessionTitle}</p>
      {invite.groupPurpose ? <p className="invite-about__purpose">{invite.groupPurpose}</p> : null}
      {invite.role === 'co_facilitator' ? <p className="muted">You are invited as a co-facilitator.</p> : null}
      {invite.role === 'supervisor' ? (
        <p className="muted">You are invited as a supervisor: you will see and hear the group, and your microphone and camera stay off. Members will not see you; they are told an observer is present, not who.</p>
      ) : invite.observationAllowed ? (
        <p className="muted">{OBSERVATION_STATEMENT}</p>
      ) : null}
    </div>
  );
}
