import { describe, expect, test } from 'vitest';
import type { RemoteMedia } from '../../../client/src/media/media-connection.js';
import { idleSnapshot, nextSnapshot, SnapshotStore } from '../../../client/src/media/mesh/snapshot.js';

// Only identity matters to the snapshot logic, so plain objects stand in for MediaStreams in Node.
const streamA = {} as MediaStream;
const streamB = {} as MediaStream;
const local = { stream: streamA, audio: true, video: true, speaking: false };

function remote(overrides: Partial<RemoteMedia> = {}): RemoteMedia {
  return { participantId: 'p1', stream: streamB, hasVideo: false, hasAudio: false, speaking: false, connection: 'connecting', ...overrides };
}

describe('nextSnapshot', () => {
  test('the same values give back the previous snapshot (no render)', () => {
    const first = nextSnapshot(idleSnapshot, { status: 'connected', local, remotes: [remote()] });
    const second = nextSnapshot(first, { status: 'connected', local: { ...local }, remotes: [remote()] });
    expect(second).toBe(first);
  });

  test.each([
    { case: 'status', change: { status: 'closed' as const } },
    { case: 'local speaking', change: { local: { ...local, speaking: true } } },
    { case: 'close reason', change: { closeReason: 'signalling_lost' as const } },
    { case: 'a remote left', change: { remotes: [] } },
    { case: '[LE2] end-to-end encryption turning on', change: { encrypted: true } },
  ])('a change of $case gives a new snapshot', ({ change }) => {
    const first = nextSnapshot(idleSnapshot, { status: 'connected', local, remotes: [remote()] });
    const second = nextSnapshot(first, { status: 'connected', local, remotes: [remote()], ...change });
    expect(second).not.toBe(first);
    expect(Object.isFrozen(second)).toBe(true);
    if ('encrypted' in change) expect(second.encrypted).toBe(true);
  });

  test.each([
    { field: 'hasVideo', change: { hasVideo: true } },
    { field: 'hasAudio', change: { hasAudio: true } },
    { field: 'speaking', change: { speaking: true } },
    { field: 'connection', change: { connection: 'connected' as const } },
  ])('a remote whose $field changed is a new object; the others keep theirs', ({ change }) => {
    const first = nextSnapshot(idleSnapshot, {
      status: 'connected',
      local,
      remotes: [remote(), remote({ participantId: 'p2' })],
    });
    const second = nextSnapshot(first, {
      status: 'connected',
      local,
      remotes: [remote(change), remote({ participantId: 'p2' })],
    });
    expect(second.remotes.get('p1')).not.toBe(first.remotes.get('p1'));
    expect(second.remotes.get('p1')).toMatchObject(change);
    expect(second.remotes.get('p2')).toBe(first.remotes.get('p2'));
    expect(second.local).toBe(first.local);
  });

  test('closeReason is absent unless set', () => {
    const snapshot = nextSnapshot(idleSnapshot, { status: 'closed', local, remotes: [] });
    expect('closeReason' in snapshot).toBe(false);
  });
});

describe('SnapshotStore (what both media connections expose)', () => {
  test('listeners hear of a visible change only, and stop hearing once unsubscribed', () => {
    const store = new SnapshotStore();
    let told = 0;
    const unsubscribe = store.subscribe(() => told++);
    store.update({ status: 'connected', local, remotes: [remote()] });
    const shown = store.get();
    store.update({ status: 'connected', local: { ...local }, remotes: [remote()] });
    expect(store.get()).toBe(shown);
    expect(told).toBe(1);
    unsubscribe();
    store.update({ status: 'closed', local, remotes: [] });
    expect(told).toBe(1);
    expect(store.get().status).toBe('closed');
  });
});
