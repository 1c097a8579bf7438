import { fail } from '@hearth/shared';
import type { JoinGate } from '../rooms/index.js';
import type { Services } from '../../services.js';
import { staffNameMessage, takesStaffName } from './staff-names.js';
import { standingRefusal } from './standing.js';

/** [AU6] `room:join`'s first gate: the credential's standing, read again on every join and re-join. */
export function standingGate(services: Pick<Services, 'participants' | 'moderation'>): JoinGate {
  return async ({ identity }) => {
    const refusal = await standingRefusal(services, await services.participants.findById(identity.participantId));
    return refusal ? { ok: false, error: refusal } : { ok: true };
  };
}

/** A new name given at the pre-join page may not be a facilitator's or co-facilitator's of the session. */
export function staffNameGate(services: Pick<Services, 'participants'>): JoinGate {
  return async ({ identity, payload }) => {
    const name = payload.displayName?.trim();
    if (!payload.displayName || name === identity.displayName) return { ok: true };
    if (takesStaffName(identity.role, payload.displayName, await services.participants.staffNames(identity.sessionId))) {
      return fail('invalid_payload', staffNameMessage);
    }
    return { ok: true };
  };
}
