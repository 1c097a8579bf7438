import { fail, isStaffRole, type Fail, type ModerationSettings, type Role } from '@hearth/shared';

/**
 * Who may enter a session's room right now, as one pure decision (asked by `room:join`, like the
 * consent gate, so no client can skip the waiting room or the lock):
 * - [MD15] a banned participant never enters again in this session;
 * - [MD10] facilitators, co-facilitators and the supervisor never wait and are never locked out;
 * - [MD11] someone already admitted (or who entered before) comes straight back after a dropped
 *   connection or reload, even while the session is locked or has a waiting room;
 * - [MD12] a locked session refuses everyone else, before any waiting room;
 * - [MD9] with the waiting room on, everyone else waits to be admitted.
 */
export type AdmissionVerdict = 'enter' | 'wait' | 'locked' | 'banned';

export function admissionVerdict(who: { role: Role; banned: boolean; admitted: boolean }, settings: ModerationSettings): AdmissionVerdict {
  if (who.banned) return 'banned';
  if (isStaffRole(who.role) || who.admitted) return 'enter';
  if (settings.locked) return 'locked';
  if (settings.waitingRoom) return 'wait';
  return 'enter';
}

export const bannedMessage = 'A facilitator has removed you from this session, and you cannot rejoin it.';
export const lockedMessage = 'The facilitator has locked this session, so nobody new can join right now. Please contact your facilitator.';

export function admissionRefusal(verdict: AdmissionVerdict): Fail | undefined {
  switch (verdict) {
    case 'banned':
      return fail('banned', bannedMessage);
    case 'locked':
      return fail('session_locked', lockedMessage);
    case 'wait':
      return fail('admission_required', 'The facilitator will let you in shortly.');
    default:
      return undefined;
  }
}
