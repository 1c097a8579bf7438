import type { Participant } from '@hearth/shared';

/**
 * Pure transitions of what the room knows about a participant. Invariants:
 * - [MD1] only the participant turns their own microphone on; turning it on clears `mutedBy`;
 * - [MD2] a mute by a facilitator turns audio off and records who did it; nothing turns it back on.
 */
export function withOwnMediaState(participant: Participant, media: { audio: boolean; video: boolean }): Participant {
  return {
    ...participant,
    audio: media.audio,
    video: media.video,
    mutedBy: media.audio ? null : participant.mutedBy,
  };
}

export function withFacilitatorMute(participant: Participant, by: { id: string; displayName: string }): Participant {
  return { ...participant, audio: false, mutedBy: { id: by.id, displayName: by.displayName } };
}

/** Whether one more person fits; someone already present (a second tab, a reload) always fits. */
export function hasRoomFor(presentIds: ReadonlySet<string>, participantId: string, capacity: number): boolean {
  return presentIds.has(participantId) || presentIds.size < capacity;
}
