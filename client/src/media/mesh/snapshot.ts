import type { MediaSnapshot, RemoteMedia } from '../media-connection.js';

/**
 * Immutable snapshots for useSyncExternalStore: every change yields a new MediaSnapshot (and no
 * change yields the previous one), and a RemoteMedia whose fields did not change keeps its
 * identity, so memoised tiles skip re-rendering.
 */

export const idleSnapshot: MediaSnapshot = Object.freeze({
  status: 'idle',
  local: Object.freeze({ stream: null, audio: false, video: false, speaking: false }),
  remotes: new Map<string, RemoteMedia>(),
});

export function nextSnapshot(
  previous: MediaSnapshot,
  next: Omit<MediaSnapshot, 'remotes'> & { remotes: readonly RemoteMedia[] },
): MediaSnapshot {
  const remotes = new Map<string, RemoteMedia>();
  for (const remote of next.remotes) {
    const before = previous.remotes.get(remote.participantId);
    remotes.set(remote.participantId, before && sameRemote(before, remote) ? before : Object.freeze(remote));
  }
  const local = sameLocal(previous.local, next.local) ? previous.local : Object.freeze({ ...next.local });
  const before = previous.aside ?? null;
  const wanted = next.aside ?? null;
  const aside = wanted && before && sameRemote(before, wanted) && before.participantId === wanted.participantId ? before : wanted && Object.freeze(wanted);
  const unchanged =
    next.status === previous.status &&
    next.closeReason === previous.closeReason &&
    next.encrypted === previous.encrypted &&
    local === previous.local &&
    aside === before &&
    remotes.size === previous.remotes.size &&
    [...remotes].every(([id, remote]) => previous.remotes.get(id) === remote);
  // Same value, same object: useSyncExternalStore then skips the render altogether.
  if (unchanged) return previous;
  const snapshot: MediaSnapshot = { status: next.status, local, remotes };
  if (next.closeReason) snapshot.closeReason = next.closeReason;
  if (aside) snapshot.aside = aside;
  if (next.encrypted !== undefined) snapshot.encrypted = next.encrypted;
  return Object.freeze(snapshot);
}

function sameRemote(a: RemoteMedia, b: RemoteMedia): boolean {
  return (
    a.stream === b.stream &&
    a.hasVideo === b.hasVideo &&
    a.hasAudio === b.hasAudio &&
    a.speaking === b.speaking &&
    a.connection === b.connection
  );
}

function sameLocal(a: MediaSnapshot['local'], b: MediaSnapshot['local']): boolean {
  return a.stream === b.stream && a.audio === b.audio && a.video === b.video && a.speaking === b.speaking;
}

/**
 * The snapshot a MediaConnection exposes, and who to tell when it changes. Shared by the mesh and
 * LiveKit connections so both follow the same rule: a new snapshot only when something visible changed.
 */
export class SnapshotStore {
  private current: MediaSnapshot = idleSnapshot;
  private readonly listeners = new Set<() => void>();

  get(): MediaSnapshot {
    return this.current;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  update(next: Parameters<typeof nextSnapshot>[1]): void {
    const snapshot = nextSnapshot(this.current, next);
    if (snapshot === this.current) return;
    this.current = snapshot;
    // A copy: a listener may unsubscribe while being told.
    for (const listener of [...this.listeners]) listener();
  }

  forgetListeners(): void {
    this.listeners.clear();
  }
}
