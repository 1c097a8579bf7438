import type { ModerationSettings, Moderator, WaitingEntry } from '@hearth/shared';

/** The polite announcement when someone new starts waiting (facilitators), or null if nobody new. */
export function waitingArrivals(before: readonly WaitingEntry[], after: readonly WaitingEntry[]): string | null {
  const arrived = after.filter((w) => !before.some((b) => b.participantId === w.participantId));
  if (arrived.length === 0) return null;
  const names = arrived.map((w) => (w.organisation ? `${w.displayName} (${w.organisation})` : w.displayName)).join(', ');
  return `${names} ${arrived.length === 1 ? 'is' : 'are'} waiting to join`;
}

/** What someone in the room is told when a facilitator changes the settings; members hear only of the lock. */
export function settingsAnnouncement(before: ModerationSettings, after: ModerationSettings, by: Moderator, facilitator: boolean): string | null {
  if (before.locked !== after.locked) {
    if (!facilitator) return after.locked ? 'The facilitator has locked this session: nobody new can join' : 'The session is open to new people again';
    return `${by.displayName} ${after.locked ? 'locked' : 'unlocked'} the session`;
  }
  if (facilitator && before.waitingRoom !== after.waitingRoom) return `${by.displayName} turned the waiting room ${after.waitingRoom ? 'on' : 'off'}`;
  return null;
}

export function mutedAnnouncement(by: string, everyone: boolean, floor = false): string {
  // Under floor control the member cannot unmute until the floor comes to them: say so, not "you can unmute".
  if (floor) return `${by} is keeping the floor: only the person who has it can speak. You can unmute when the floor comes to you, or raise your hand (R).`;
  return everyone
    ? `${by} muted everyone except the facilitators. You can unmute yourself when you're ready.`
    : `${by} muted you. You can unmute yourself when you're ready.`;
}
