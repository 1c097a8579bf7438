import { describe, expect, test } from 'vitest';
import { SignalCloseCode } from '@hearth/shared';
import { closeReasonFor, signallingUrl } from '../../../client/src/media/mesh/signalling-client.js';
import { fingerprintOf } from '../../../client/src/media/mesh/mesh-peer.js';

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
