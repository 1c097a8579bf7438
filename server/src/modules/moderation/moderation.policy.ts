import { isFacilitatorRole, mayPutOut, type Role } from '@hearth/shared';

/**
 * Who a facilitator may act on. [MD3] nobody moderates themselves; [MD4] a group's own facilitator
 * (the account holder) cannot be removed from their session by a co-facilitator; [MD17] nor can another
 * co-facilitator or the supervisor, whom only that facilitator removes or bans; [MD5] only
 * facilitator roles moderate at all (checked by command policy before this).
 */
export type ModerationAction = 'mute' | 'remove' | 'stop_video' | 'ask_unmute' | 'ban';

export type ModerationVerdict = { allowed: true } | { allowed: false; reason: string };

export function mayModerate(
  actor: { id: string; role: Role },
  target: { id: string; role: Role },
  action: ModerationAction,
): ModerationVerdict {
  if (!isFacilitatorRole(actor.role)) return { allowed: false, reason: 'Only facilitators can do that.' };
  if (actor.id === target.id) {
    return { allowed: false, reason: selfReason[action] };
  }
  // [SV3] The supervisor never publishes, so there is nothing to mute (and muting would tell the room of them).
  if (action === 'mute' && target.role === 'supervisor') return { allowed: false, reason: 'The supervisor is observing; their microphone is always off.' };
  if ((action === 'stop_video' || action === 'ask_unmute') && target.role === 'supervisor') {
    return { allowed: false, reason: 'The supervisor is observing; their microphone and camera are always off.' };
  }
  if ((action === 'remove' || action === 'ban') && target.role === 'facilitator') {
    return { allowed: false, reason: "The group's facilitator cannot be removed from their own session." };
  }
  // [MD17] Staff answer to the group's own facilitator: co-facilitators cannot put each other or the supervisor out.
  if ((action === 'remove' || action === 'ban') && !mayPutOut(actor.role, target.role)) {
    return { allowed: false, reason: "Only the group's facilitator can remove a co-facilitator or the supervisor." };
  }
  return { allowed: true };
}

const selfReason: Record<ModerationAction, string> = {
  mute: 'Use your own microphone button.',
  ask_unmute: 'Use your own microphone button.',
  stop_video: 'Use your own camera button.',
  remove: 'Use Leave to leave the session.',
  ban: 'Use Leave to leave the session.',
};

/**
 * [MD7] Mute everyone: the members whose microphone is on. Facilitators and co-facilitators keep
 * theirs (they are running the session), the supervisor never publishes, and the one muting is a
 * facilitator already.
 */
export function muteAllTargets<P extends { id: string; role: Role; audio: boolean }>(participants: readonly P[], actorId: string): P[] {
  return participants.filter((p) => p.id !== actorId && p.role === 'member' && p.audio);
}
