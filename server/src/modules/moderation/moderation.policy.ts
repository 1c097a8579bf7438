import { isFacilitatorRole, type Role } from '@hearth/shared';

/**
 * Who a facilitator may act on. [MD3] nobody moderates themselves; [MD4] a group's own facilitator
 * (the account holder) cannot be removed from their session by a co-facilitator; [MD5] only
 * facilitator roles moderate at all (checked by command policy before this).
 */
export type ModerationAction = 'mute' | 'remove';

export type ModerationVerdict = { allowed: true } | { allowed: false; reason: string };

export function mayModerate(
  actor: { id: string; role: Role },
  target: { id: string; role: Role },
  action: ModerationAction,
): ModerationVerdict {
  if (!isFacilitatorRole(actor.role)) return { allowed: false, reason: 'Only facilitators can do that.' };
  if (actor.id === target.id) {
    return { allowed: false, reason: action === 'mute' ? 'Use your own microphone button.' : 'Use Leave to leave the session.' };
  }
  // [SV3] The supervisor never publishes, so there is nothing to mute (and muting would tell the room of them).
  if (action === 'mute' && target.role === 'supervisor') return { allowed: false, reason: 'The supervisor is observing; their microphone is always off.' };
  if (action === 'remove' && target.role === 'facilitator') {
    return { allowed: false, reason: "The group's facilitator cannot be removed from their own session." };
  }
  return { allowed: true };
}
