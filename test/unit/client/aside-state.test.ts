import { describe, expect, it } from 'vitest';
import { asideReducer, initialAsideState, type AsideStarted } from '../../../client/src/features/room/aside/aside-state.js';

const withFran: AsideStarted = { asideId: 'a1', with: { id: 'fran', displayName: 'Fran', role: 'facilitator' }, startedAt: 1 };

describe('the pull-aside as the client knows it', () => {
  it('starts once (the ack and the fact both say so), and says so', () => {
    const started = asideReducer(initialAsideState, { type: 'started', aside: withFran });
    expect(started.mine).toEqual(withFran);
    expect(started.announcement).toBe("Private conversation with Fran started. The group can't hear you.");
    expect(asideReducer(started, { type: 'started', aside: withFran })).toBe(started);
  });

  it.each([
    { reason: 'ended' as const, text: "You're back with the group." },
    { reason: 'left' as const, text: "Fran left the private conversation. You're back with the group." },
  ])('ends on $reason', ({ reason, text }) => {
    const started = asideReducer(initialAsideState, { type: 'started', aside: withFran });
    const ended = asideReducer(started, { type: 'ended', asideId: 'a1', reason });
    expect(ended.mine).toBeNull();
    expect(ended.announcement).toBe(text);
  });

  it('ignores the end of an aside it is not in (e.g. one ended before a rejoin)', () => {
    const started = asideReducer(initialAsideState, { type: 'started', aside: withFran });
    expect(asideReducer(started, { type: 'ended', asideId: 'other', reason: 'ended' })).toBe(started);
    expect(asideReducer(initialAsideState, { type: 'ended', asideId: 'a1', reason: 'left' })).toBe(initialAsideState);
  });

  it('replaces who is away with each list, keeping the state when nothing changed', () => {
    const away = asideReducer(initialAsideState, { type: 'away', participantIds: ['fran', 'sam'] });
    expect([...away.away]).toEqual(['fran', 'sam']);
    expect(asideReducer(away, { type: 'away', participantIds: ['fran', 'sam'] })).toBe(away);
    expect(asideReducer(away, { type: 'away', participantIds: [] }).away.size).toBe(0);
  });

  it('forgets everything when the connection is lost (the server ends the aside and resends who is away)', () => {
    const state = asideReducer(asideReducer(initialAsideState, { type: 'started', aside: withFran }), { type: 'away', participantIds: ['fran', 'me'] });
    expect(asideReducer(state, { type: 'reset' })).toBe(initialAsideState);
    expect(asideReducer(initialAsideState, { type: 'reset' })).toBe(initialAsideState);
  });
});
