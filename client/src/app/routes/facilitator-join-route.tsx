import { RequireAccount } from '../../features/auth/components/require-account';
import { enterSession } from '../../features/pre-join/api/join-api';
import { FacilitatorPreJoin } from '../../features/pre-join/components/facilitator-pre-join';
import { JoinFlow } from '../join-flow';

/** `/sessions/:sessionId/join`: a signed-in facilitator entering a live session. */
export function FacilitatorJoinRoute({ sessionId }: { sessionId: string }) {
  return (
    <RequireAccount>
      {(account) => (
        <JoinFlow
          key={sessionId}
          renewCredential={(displayName) => enterSession(sessionId, { displayName })}
          renderPreJoin={(preview, handlers) => (
            <FacilitatorPreJoin sessionId={sessionId} account={account} preview={preview} {...handlers} />
          )}
        />
      )}
    </RequireAccount>
  );
}
