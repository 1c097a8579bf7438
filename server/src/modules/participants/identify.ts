import type { Identify } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import { standingRefusal } from './standing.js';

/** The socket handshake's port: a credential's holder from the records, if their standing admits them [AU6]. */
export function identifyParticipant(services: Pick<Services, 'participants' | 'moderation'>): Identify {
  return async (token) => {
    const record = await services.participants.findByToken(token);
    const refusal = await standingRefusal(services, record);
    if (refusal) return { ok: false, error: refusal };
    if (!record) return { ok: false, error: { code: 'unauthenticated', message: 'This room credential is not valid. Please use your invite link again.' } };
    return {
      ok: true,
      identity: {
        participantId: record.id,
        sessionId: record.sessionId,
        role: record.role,
        displayName: record.displayName,
        organisation: record.organisation,
        inviteId: record.inviteId,
      },
    };
  };
}
