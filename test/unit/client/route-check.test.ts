import { describe, expect, it } from 'vitest';
import { routeVerdict } from '../../../client/src/features/pre-join/lib/route-check';

const turn = { urls: ['turn:turn.example.org:3478?transport=udp'], username: '1:x', credential: 'c' };
const stun = { urls: 'stun:stun.example.org:3478' };

describe('[TN3] the pre-join route verdict', () => {
  it('has nothing to check without ICE servers', () => {
    expect(routeVerdict([], ['host'])).toBe('not_checked');
  });

  it('with TURN, only a relay candidate is a route (STUN answering is not enough for every network)', () => {
    expect(routeVerdict([turn], ['host', 'relay'])).toBe('route');
    expect(routeVerdict([stun, turn], ['host', 'srflx'])).toBe('no_route');
    expect(routeVerdict([turn], ['host'])).toBe('no_route');
    expect(routeVerdict([turn], [])).toBe('no_route');
  });

  it('with STUN only, a server-reflexive candidate is the best sign there is', () => {
    expect(routeVerdict([stun], ['host', 'srflx'])).toBe('route');
    expect(routeVerdict([stun], ['host'])).toBe('no_route');
  });

  it('reads turns: and a single-string urls too', () => {
    expect(routeVerdict([{ urls: 'turns:turn.example.org:5349' }], ['host'])).toBe('no_route');
  });
});
