/**
 * The hidden supervisor (docs/spec.md [SV1]–[SV5]), as this client sees it. Pure, so it is tested
 * without React or media.
 * - A supervisor observes: they publish no media and have no tile of their own; their status says so.
 * - Nobody shows a tile for a supervisor (they send nothing); staff see them in the participants list.
 * - Media goes to everyone this client may see plus the bare ids the server named as hidden media peers,
 *   so members send their audio and video to a supervisor they are never shown.
 */
import { Role, type Participant } from '@hearth/shared';

export function isObserver(role: Role): boolean {
  return role === Role.supervisor;
}

/** Who gets a video tile: everyone but the supervisor, who sends nothing to show. */
export function tileParticipants(others: readonly Participant[]): Participant[] {
  return others.filter((p) => !isObserver(p.role));
}

/** The ids this client's media connection exchanges media with, sorted so equal sets compare equal. */
export function mediaPeerIds(visibleIds: Iterable<string>, hiddenMediaPeers: readonly string[], selfId: string | null): string[] {
  return [...new Set([...visibleIds, ...hiddenMediaPeers])].filter((id) => id !== selfId).sort();
}

/**
 * [SV6] Whether to tell this person an observer is present: observation is made known, never secret.
 * Members learn it from the bare media-peer ids the server names (never a name or role); staff see the
 * supervisor in their list. The supervisor is not told about themselves.
 */
export function observerIsPresent(selfRole: Role, others: readonly Participant[], hiddenMediaPeers: readonly string[]): boolean {
  if (isObserver(selfRole)) return false;
  return hiddenMediaPeers.length > 0 || others.some((p) => isObserver(p.role));
}

/** What an observer's client asks for and reports: microphone and camera off, whatever the pre-join said. */
export function observerFlags<T extends { audio: boolean; video: boolean }>(role: Role | null, flags: T): T {
  return role !== null && isObserver(role) ? { ...flags, audio: false, video: false } : flags;
}
