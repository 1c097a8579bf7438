import { Role, type ApiError } from '@hearth/shared';
import type { Services } from '../../services.js';
import { removedCode } from '../waiting-room/index.js';
import type { ParticipantRecord } from './participants.repository.js';

/** [SV6] What a supervisor hears once the group has turned observation off. */
export const observationOff: ApiError = { code: 'observation_off', message: 'This group has turned observation off, so its sessions cannot be observed.' };

/**
 * [AU6] Whether a credential still admits its holder: not removed or banned, session not ended, link not
 * withdrawn, and for a supervisor, observation not turned off [SV6]. One check, run on every path that
 * admits or serves someone (the socket handshake, `room:join` on every join and re-join, the consent
 * routes), so no path can forget one of them.
 * The lock and the waiting room are admission, not standing: see admission-gate.ts.
 */
export async function standingRefusal(services: Pick<Services, 'moderation'>, record: ParticipantRecord | undefined): Promise<ApiError | undefined> {
  if (!record) return { code: 'unauthenticated', message: 'This room credential is not valid. Please use your invite link again.' };
  // [MD15] A banned credential says so (`banned`), not just `removed`.
  if (record.removedAt !== null) return removedCode(services, record.id);
  if (record.sessionStatus === 'ended') return { code: 'session_ended', message: 'This session has ended.' };
  if (record.inviteRevokedAt !== null) return { code: 'invite_revoked', message: 'Your invite link has been withdrawn.' };
  if (record.role === Role.supervisor && !record.observationAllowed) return observationOff;
  return undefined;
}
