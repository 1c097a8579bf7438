import { describe, expect, test } from 'vitest';
import type { RemoteMedia } from '../../../client/src/media/media-connection.js';
import { AsideBacklog } from '../../../client/src/media/mesh/aside-link.js';
import { idleSnapshot, nextSnapshot } from '../../../client/src/media/mesh/snapshot.js';
import type { IncomingSignal } from '../../../client/src/media/mesh/signalling-client.js';

const offerFrom = (from: string): IncomingSignal => ({ type: 'signal', from, channel: 'aside', description: { type: 'offer', sdp: 'v=0' } });
const candidateFrom = (from: string): IncomingSignal => ({ type: 'signal', from, channel: 'aside', candidate: { candidate: 'c' } });

describe('AsideBacklog: aside signals that arrive before the aside is known here', () => {
  test('hands over what its partner sent, in order, and drops the rest', () => {
    const backlog = new AsideBacklog();
    backlog.hold(offerFrom('fran'), 0);
    backlog.hold(candidateFrom('kim'), 1);
    backlog.hold(candidateFrom('fran'), 2);
    expect(backlog.take('fran', 3)).toEqual([offerFrom('fran'), candidateFrom('fran')]);
    expect(backlog.take('kim', 4)).toEqual([]);
  });

  test('forgets signals older than 15 s (they belong to an aside that is over)', () => {
    const backlog = new AsideBacklog();
    backlog.hold(offerFrom('fran'), 0);
    expect(backlog.take('fran', 15_000)).toEqual([]);
  });
});

describe('the snapshot of an aside', () => {
  const local = { stream: {} as MediaStream, audio: true, video: false, speaking: false };
  const partner = (overrides: Partial<RemoteMedia> = {}): RemoteMedia => ({
    participantId: 'fran', stream: {} as MediaStream, hasAudio: false, hasVideo: false, speaking: false, connection: 'connecting', ...overrides,
  });

  test('is absent without an aside, keeps its identity while unchanged, and changes with the connection', () => {
    const none = nextSnapshot(idleSnapshot, { status: 'connected', local, remotes: [], aside: null });
    expect(none.aside).toBeUndefined();
    const stream = {} as MediaStream;
    const first = nextSnapshot(none, { status: 'connected', local, remotes: [], aside: partner({ stream }) });
    expect(first).not.toBe(none);
    expect(first.aside?.participantId).toBe('fran');
    expect(nextSnapshot(first, { status: 'connected', local, remotes: [], aside: partner({ stream }) })).toBe(first);
    const connected = nextSnapshot(first, { status: 'connected', local, remotes: [], aside: partner({ stream, connection: 'connected' }) });
    expect(connected.aside?.connection).toBe('connected');
    expect(nextSnapshot(connected, { status: 'connected', local, remotes: [], aside: null }).aside).toBeUndefined();
  });
});
