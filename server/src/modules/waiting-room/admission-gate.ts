import { isStaffRole, type ApiError, type Fail, type Role } from '@hearth/shared';
import type { JoinGate } from '../rooms/index.js';
import type { Services } from '../../services.js';
import { admissionRefusal, admissionVerdict, bannedMessage, lockedMessage } from './admission.js';

export interface AdmissionIdentity {
  participantId: string;
  sessionId: string;
  role: Role;
}

/**
 * `room:join`'s admission check over the stored settings, admissions and bans ([MD15] [MD9]-[MD12]).
 * `firstEntry` says the join, once it succeeds, must be recorded so the person comes back freely.
 * Staff take no database round trip at all: they always enter.
 */
export async function admissionGate(services: Pick<Services, 'moderation'>, who: AdmissionIdentity): Promise<{ refusal: Fail } | { refusal?: undefined; firstEntry: boolean }> {
  if (isStaffRole(who.role)) return { firstEntry: false };
  const [banned, admitted, settings] = await Promise.all([
    services.moderation.isBanned(who.participantId),
    services.moderation.isAdmitted(who.participantId),
    services.moderation.settings(who.sessionId),
  ]);
  const refusal = admissionRefusal(admissionVerdict({ role: who.role, banned, admitted }, settings));
  return refusal ? { refusal } : { firstEntry: !admitted };
}

/** Records that this person is in, so a lock or waiting room never shuts them out after a dropped connection. */
export async function recordEntry(services: Pick<Services, 'moderation' | 'now'>, who: AdmissionIdentity): Promise<void> {
  await services.moderation.admit(who.participantId, who.sessionId, services.now());
}

/**
 * The invite-link check (`GET /api/join/:token` and redeeming): [MD15] a link a banned person came
 * through is refused as `banned`; [MD12] while the session is locked a member link opens for nobody
 * new (a co-facilitator or supervisor link still works: staff are never locked out).
 */
export async function linkRefusal(services: Pick<Services, 'moderation'>, invite: { id: string; sessionId: string; role: Role }): Promise<ApiError | undefined> {
  if (await services.moderation.isInviteBanned(invite.id)) return { code: 'banned', message: bannedMessage };
  if (!isStaffRole(invite.role) && (await services.moderation.settings(invite.sessionId)).locked) {
    return { code: 'session_locked', message: lockedMessage };
  }
  return undefined;
}

/** The handshake's check for a removed credential: banned says so, with its own code. */
export async function removedCode(services: Pick<Services, 'moderation'>, participantId: string): Promise<ApiError> {
  return (await services.moderation.isBanned(participantId))
    ? { code: 'banned', message: bannedMessage }
    : { code: 'removed', message: 'A facilitator removed you from this session.' };
}

/** [MD15] [MD9]-[MD12] The admission gate as `room:join` asks it; a first entry is recorded once the person is in. */
export function admissionJoinGate(services: Pick<Services, 'moderation' | 'now'>): JoinGate {
  return async ({ identity }) => {
    const admission = await admissionGate(services, identity);
    if (admission.refusal) return admission.refusal;
    return admission.firstEntry ? { ok: true, afterJoin: () => recordEntry(services, identity) } : { ok: true };
  };
}
