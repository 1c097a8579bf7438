import { describe, expect, test } from 'vitest';
import { SignalCloseCode } from '@hearth/shared';
import { closeReasonFor, signallingUrl } from '../../../client/src/media/mesh/signalling-client.js';
import { fingerprintOf } from '../../../client/src/media/mesh/mesh-peer.js';
import { packetsByTrack, sameSet, stalledTracks } from '../../../client/src/media/mesh/media-flow.js';

describe('signallingUrl', () => {
  test.each([
    { protocol: 'http:', host: 'localhost:5173', expected: 'ws://localhost:5173/api/signal?ticket=t1' },
    { protocol: 'https:', host: 'hearth.example', expected: 'wss://hearth.example/api/signal?ticket=t1' },
  ])('$protocol -> $expected', ({ protocol, host, expected }) => {
    expect(signallingUrl('t1', { protocol, host })).toBe(expected);
  });

  test('escapes the ticket', () => {
    expect(signallingUrl('a b&c', { protocol: 'http:', host: 'h' })).toBe('ws://h/api/signal?ticket=a%20b%26c');
  });
});

describe('closeReasonFor', () => {
  test.each([
    { code: SignalCloseCode.badTicket, expected: 'bad_ticket' },
    { code: SignalCloseCode.removed, expected: 'removed' },
    { code: SignalCloseCode.replaced, expected: 'replaced' },
    { code: SignalCloseCode.overBudget, expected: 'over_budget' },
    { code: SignalCloseCode.tooBig, expected: 'over_budget' },
    { code: 1006, expected: 'signalling_lost' },
    { code: 1000, expected: 'signalling_lost' },
  ])('$code -> $expected', ({ code, expected }) => {
    expect(closeReasonFor(code)).toBe(expected);
  });
});

describe('fingerprintOf', () => {
  test.each([
    { case: 'session level', sdp: 'v=0\r\na=fingerprint:sha-256 AB:CD\r\nm=audio 9\r\n', expected: 'sha-256 AB:CD' },
    { case: 'first media level', sdp: 'v=0\r\nm=audio 9\r\na=fingerprint:sha-256 01:02\r\nm=video 9\r\na=fingerprint:sha-256 01:02\r\n', expected: 'sha-256 01:02' },
    { case: 'none', sdp: 'v=0\r\nm=audio 9\r\n', expected: null },
  ])('$case', ({ sdp, expected }) => {
    expect(fingerprintOf(sdp)).toBe(expected);
  });
});

describe('stalledTracks', () => {
  const map = (entries: [string, number][]) => new Map(entries);
  test.each([
    { case: 'growing counter flows', previous: [['v', 10]], current: [['v', 25]], stalled: [] },
    { case: 'unchanged counter is stalled (sender turned the device off)', previous: [['v', 10]], current: [['v', 10]], stalled: ['v'] },
    { case: 'a track seen for the first time is not stalled yet', previous: [], current: [['v', 0]], stalled: [] },
    { case: 'a counter that went back (a new RTP stream) is not stalled', previous: [['a', 50]], current: [['a', 3]], stalled: [] },
    { case: 'each track on its own', previous: [['a', 5], ['v', 5]], current: [['a', 9], ['v', 5]], stalled: ['v'] },
    { case: 'a track gone from the stats is not reported', previous: [['a', 5]], current: [], stalled: [] },
  ] as { case: string; previous: [string, number][]; current: [string, number][]; stalled: string[] }[])(
    '$case',
    ({ previous, current, stalled }) => {
      expect([...stalledTracks(map(previous), map(current))].sort()).toEqual(stalled);
    },
  );
});

describe('packetsByTrack', () => {
  test('reads inbound-rtp packetsReceived by track id and ignores everything else', () => {
    // RTCStatsReport is a read-only Map of stats objects; a Map stands in for it in Node.
    const report = new Map<string, object>([
      ['in-a', { type: 'inbound-rtp', kind: 'audio', trackIdentifier: 'a', packetsReceived: 120 }],
      ['in-v', { type: 'inbound-rtp', kind: 'video', trackIdentifier: 'v' }],
      ['out-a', { type: 'outbound-rtp', kind: 'audio', packetsSent: 99 }],
      ['pair', { type: 'candidate-pair', packetsReceived: 500 }],
    ]) as unknown as RTCStatsReport;
    expect(packetsByTrack(report)).toEqual(new Map([['a', 120], ['v', 0]]));
  });
});

describe('sameSet', () => {
  test.each([
    { a: [], b: [], same: true },
    { a: ['x'], b: ['x'], same: true },
    { a: ['x'], b: ['y'], same: false },
    { a: ['x', 'y'], b: ['x'], same: false },
  ])('$a vs $b -> $same', ({ a, b, same }) => {
    expect(sameSet(new Set(a), new Set(b))).toBe(same);
  });
});
