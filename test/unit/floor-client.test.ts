import type { FloorState, RoundView } from '@hearth/shared';
import { describe, expect, it } from 'vitest';
import { describeMyHand, floorChange, floorReducer, initialFloorView, ordinal, timerWords } from '../../client/src/features/room/floor/floor-state.js';

const names = new Map([['sam', 'Sam'], ['alex', 'Alex'], ['me', 'Jo']]);
const round = (patch: Partial<RoundView> = {}): RoundView => ({
  id: 'r', kind: 'check_in', prompt: null, currentId: 'sam', again: false, upcoming: ['me'], returning: [], turnSeconds: null, turnLeftMs: null, ...patch,
});
const floor = (patch: Partial<FloorState> = {}): FloorState => ({ holderId: null, floorControl: false, round: null, ...patch });

describe('the floor as the room shows it (pure)', () => {
  it.each([
    [floor(), floor({ round: round({ prompt: 'One word' }) }), 'Check-in round started: One word. Sam goes first.'],
    [floor({ round: round() }), floor({ round: round({ currentId: 'me', upcoming: [] }) }), 'It is your turn.'],
    [floor({ round: round() }), floor({ round: round({ currentId: 'me', again: true }) }), 'You are offered the floor again. Share now, or pass.'],
    [floor({ round: round({ currentId: 'me' }) }), floor({ round: round({ currentId: 'alex' }) }), "Alex's turn."],
    [floor({ round: round() }), floor(), 'The round has ended.'],
    [floor(), floor({ holderId: 'me' }), 'You have the floor.'],
    [floor(), floor({ holderId: 'sam' }), 'Sam has the floor.'],
    [floor(), floor({ floorControl: true }), 'Floor control is on: only the person with the floor can speak.'],
    [floor({ round: round() }), floor({ round: round({ upcoming: [] }) }), null],
  ])('[FL3] announces a change of the floor in words (%#)', (before, after, words) => {
    expect(floorChange(before, after, 'me', names)).toBe(words);
  });

  it('[FL2] a member hears their own hand and place, and why it went down', () => {
    let state = floorReducer(initialFloorView, { type: 'mine', hand: { raised: false, place: null } });
    expect(state.announcement).toBeNull(); // joining says "down": nothing to announce
    state = floorReducer(state, { type: 'mine', hand: { raised: true, place: 2 } });
    expect(state.announcement?.text).toBe('Your hand is up. You are 2nd in the queue.');
    state = floorReducer(state, { type: 'mine', hand: { raised: true, place: 1 } });
    expect(state.announcement?.text).toBe('Your hand is up. You are next.');
    state = floorReducer(state, { type: 'mine', hand: { raised: false, place: null, lowered: 'spoke' } });
    expect(state.announcement?.text).toBe('Your hand went down as you started speaking.');
  });

  it('[FL9][FL10] a private note is kept until answered; the facilitator hears the answer', () => {
    const nudge = { nudgeId: 'n1', kind: 'invite' as const, text: 'Would you like to share?', from: { id: 'f', displayName: 'Fran' } };
    let state = floorReducer(initialFloorView, { type: 'nudge', nudge });
    expect(state.nudges).toEqual([nudge]);
    expect(state.announcement?.text).toBe('A private note from Fran: Would you like to share?');
    state = floorReducer(state, { type: 'nudge-answered-by-me', nudgeId: 'n1' });
    expect(state.nudges).toEqual([]);
    state = floorReducer(state, { type: 'answered', answer: { nudgeId: 'n1', participantId: 'sam', kind: 'invite', answer: 'accept' }, name: 'Sam' });
    expect(state.announcement?.text).toBe('Sam accepted your invitation; their hand is up.');
  });

  it('out of the room, the floor is forgotten (the server sends it again after rejoining)', () => {
    const busy = floorReducer(initialFloorView, { type: 'mine', hand: { raised: true, place: 1 } });
    expect(floorReducer(busy, { type: 'reset' })).toEqual(initialFloorView);
  });

  it.each([[1, '1st'], [2, '2nd'], [3, '3rd'], [4, '4th'], [11, '11th'], [12, '12th'], [21, '21st']])('ordinal(%i) is %s', (n, words) => {
    expect(ordinal(n)).toBe(words);
  });

  it('[FL8] the soft timer in words', () => {
    expect(timerWords(65_000)).toBe('1:05 left');
    expect(timerWords(500)).toBe('0:01 left');
    expect(timerWords(0)).toBe("Time's up — finish when you're ready");
    expect(describeMyHand({ raised: false, place: null })).toBe('Your hand is down.');
  });
});
