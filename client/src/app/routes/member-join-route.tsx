import { MemberPreJoin } from '../../features/pre-join/components/member-pre-join';
import { clearCredential } from '../../lib/credential-storage';
import { JoinFlow } from '../join-flow';

/** `/join/:token`: a member arriving from an invite link. */
export function MemberJoinRoute({ token }: { token: string }) {
  return (
    <JoinFlow
      key={token}
      onCredentialRejected={() => clearCredential(token)}
      renderPreJoin={(preview, handlers) => <MemberPreJoin token={token} preview={preview} {...handlers} />}
    />
  );
}
