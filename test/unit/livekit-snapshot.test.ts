import { describe, expect, it } from 'vitest';
import { closeReasonFor, remoteMediaFor, syncStream, type PublicationView, type RemoteParticipantView, type StreamLike } from '../../client/src/media/livekit/livekit-snapshot.js';

/**
 * The mapping from livekit-client's view of the room to the tiles. Small fakes stand in for
 * MediaStream and tracks (Node has neither); the LiveKit connection itself is untested against a real
 * SFU, which cannot run here.
 */
class FakeStream implements StreamLike {
  private tracks: MediaStreamTrack[] = [];
  getTracks() {
    return [...this.tracks];
  }
  addTrack(track: MediaStreamTrack) {
    this.tracks.push(track);
  }
  removeTrack(track: MediaStreamTrack) {
    this.tracks = this.tracks.filter((t) => t !== track);
  }
}

const track = (id: string, kind: 'audio' | 'video') => ({ id, kind }) as unknown as MediaStreamTrack;
const mic = track('mic', 'audio');
const cam = track('cam', 'video');
const pub = (kind: 'audio' | 'video', t: MediaStreamTrack | undefined, muted = false): PublicationView => ({ kind, track: t, muted });

function tiles(participants: RemoteParticipantView[], options: Partial<{ listed: string[]; audioDisallowed: string[]; reconnecting: boolean }> = {}) {
  const streams = new Map<string, FakeStream>();
  const remotes = remoteMediaFor(participants, {
    listed: new Set(options.listed ?? participants.map((p) => p.identity)),
    audioDisallowed: new Set(options.audioDisallowed ?? []),
    reconnecting: options.reconnecting ?? false,
    streamFor: (id) => streams.get(id) ?? streams.set(id, new FakeStream()).get(id) as FakeStream,
  });
  return { remotes, streams };
}

describe('LiveKit participants to tiles', () => {
  it('a subscribed, unmuted microphone and camera make a tile with both, speaking as the SFU says', () => {
    const { remotes, streams } = tiles([{ identity: 'sam', isSpeaking: true, publications: [pub('audio', mic), pub('video', cam)] }]);
    expect(remotes).toEqual([{ participantId: 'sam', stream: streams.get('sam'), hasAudio: true, hasVideo: true, speaking: true, connection: 'connected' }]);
    expect(streams.get('sam')?.getTracks()).toEqual([mic, cam]);
  });

  it.each([
    ['muted by a facilitator or themselves', pub('audio', mic, true)],
    ['published but not (yet) subscribed', pub('audio', undefined)],
  ])('a microphone %s is not played and not shown as speaking', (_label, audio) => {
    const { remotes, streams } = tiles([{ identity: 'sam', isSpeaking: true, publications: [audio, pub('video', cam)] }]);
    expect(remotes[0]).toMatchObject({ hasAudio: false, hasVideo: true, speaking: false });
    expect(streams.get('sam')?.getTracks()).toEqual([cam]);
  });

  it('a participant whose audio this client must not play keeps video only', () => {
    const { remotes } = tiles([{ identity: 'sam', isSpeaking: true, publications: [pub('audio', mic), pub('video', cam)] }], { audioDisallowed: ['sam'] });
    expect(remotes[0]).toMatchObject({ hasAudio: false, hasVideo: true, speaking: false });
  });

  it('only people the server listed get a tile (the hidden supervisor or a stray token do not)', () => {
    const { remotes } = tiles(
      [
        { identity: 'sam', isSpeaking: false, publications: [] },
        { identity: 'stranger', isSpeaking: false, publications: [pub('audio', mic)] },
      ],
      { listed: ['sam', 'alex'] },
    );
    expect(remotes.map((r) => r.participantId)).toEqual(['sam']);
  });

  it('while the SFU link reconnects every tile says connecting', () => {
    const { remotes } = tiles([{ identity: 'sam', isSpeaking: false, publications: [] }], { reconnecting: true });
    expect(remotes[0]?.connection).toBe('connecting');
  });

  it('syncStream keeps the same stream object and only adds or removes what changed', () => {
    const stream = new FakeStream();
    syncStream(stream, [pub('audio', mic), pub('video', cam)], true);
    const other = track('cam2', 'video');
    expect(syncStream(stream, [pub('audio', mic), pub('video', other)], true)).toEqual({ hasAudio: true, hasVideo: true });
    expect(stream.getTracks()).toEqual([mic, other]);
  });
});

describe('why the SFU closed the connection', () => {
  const codes = { removed: 4, duplicateIdentity: 2 };
  it.each([
    [4, 'removed'],
    [2, 'replaced'],
    [5, 'signalling_lost'],
    [undefined, 'signalling_lost'],
  ] as const)('reason %s is %s', (reason, expected) => {
    expect(closeReasonFor(reason, codes)).toBe(expected);
  });
});
