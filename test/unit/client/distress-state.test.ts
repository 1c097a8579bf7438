import { describe, expect, test } from 'vitest';
import type { DistressAlert, Role } from '@hearth/shared';
import {
  canAskForSupport,
  canEscalate,
  caseStatusText,
  distressReducer,
  initialDistressState,
  isResolved,
  levelLabel,
  statusWord,
  waitingCount,
  type DistressAction,
  type DistressState,
} from '../../../client/src/features/room/distress/distress-state.js';

// The client's side of the private distress channel is a reducer over what the person did and what the
// server said; these tests feed it the sequences the distress hook dispatches and check what each side sees.

const run = (...actions: DistressAction[]): DistressState => actions.reduce(distressReducer, initialDistressState);
const fran = { id: 'fran', displayName: 'Fran' };

function alert(id: string, overrides: Partial<DistressAlert> = {}): DistressAlert {
  return {
    id,
    participantId: `p-${id}`,
    displayName: 'Sam',
    level: 'struggling',
    note: null,
    raisedAt: 1000,
    acknowledgedAt: null,
    acknowledgedBy: null,
    openedBy: null,
    memberIncludedAt: 1000,
    status: 'raised',
    reAlerts: 0,
    timeline: [{ at: 1000, kind: 'raised', by: null }],
    ...overrides,
  };
}

function acknowledged(a: DistressAlert): DistressAlert {
  return {
    ...a,
    status: 'acknowledged',
    acknowledgedAt: 2000,
    acknowledgedBy: fran,
    timeline: [...a.timeline, { at: 2000, kind: 'acknowledged', by: fran }],
  };
}

const sent = (alertId: string): DistressAction =>
  ({ type: 'send-succeeded', result: { alertId, raisedAt: 1000, crisisResources: null }, payload: { level: 'struggling' } });

// The member's own request has its own reducer and tests (own-request-state.test.ts); here only that the
// combined state hands it over and keeps the two sides apart.

describe('support requests (the facilitator side)', () => {
  test('a new request is listed and announced by name', () => {
    const state = run({ type: 'alert', alert: alert('a1', { note: 'hard week' }) });
    expect(state.alerts.map((a) => a.id)).toEqual(['a1']);
    expect(state.announcement).toEqual({ seq: 1, alertId: 'a1', text: 'Sam asked for support' });
  });

  test('[DS3] the same request delivered again (a rejoin) updates it and is not announced again', () => {
    const once = run({ type: 'alert', alert: alert('a1') });
    const twice = distressReducer(once, { type: 'alert', alert: alert('a1', { displayName: 'Sammy' }) });
    expect(twice.announcement).toBe(once.announcement);
    expect(twice.alerts).toHaveLength(1);
    expect(twice.alerts[0]?.displayName).toBe('Sammy');
  });

  test('[DS6] a re-alert for a request still waiting is announced again, saying it is still waiting', () => {
    const once = run({ type: 'alert', alert: alert('a1') });
    const again = distressReducer(once, { type: 'alert', alert: alert('a1', { reAlerts: 1 }) });
    expect(again.announcement).toEqual({ seq: 2, alertId: 'a1', text: 'Sam is still waiting for support' });
    expect(again.alerts[0]?.reAlerts).toBe(1);
  });

  test('each new request is a new announcement, even with the same words', () => {
    const state = run({ type: 'alert', alert: alert('a1') }, { type: 'alert', alert: alert('a2', { raisedAt: 2000 }) });
    expect(state.announcement).toEqual({ seq: 2, alertId: 'a2', text: 'Sam asked for support' });
  });

  test('[DS4] an acknowledgement updates the request for every facilitator, without announcing', () => {
    const raised = run({ type: 'alert', alert: alert('a1') });
    const seen = distressReducer(raised, { type: 'alert-changed', alert: acknowledged(alert('a1')) });
    expect(seen.alerts[0]?.acknowledgedBy).toEqual(fran);
    expect(seen.announcement).toBe(raised.announcement);
    expect(waitingCount(seen.alerts)).toBe(0);
  });

  test('a stale copy never undoes an acknowledgement', () => {
    const seen = run({ type: 'alert', alert: alert('a1') }, { type: 'alert-changed', alert: acknowledged(alert('a1')) });
    expect(distressReducer(seen, { type: 'alert', alert: alert('a1', { reAlerts: 3 }) })).toBe(seen);
    expect(distressReducer(seen, { type: 'alert-changed', alert: alert('a1') })).toBe(seen);
  });

  test('a case moves on (escalated, resolved) but never back', () => {
    const seen = acknowledged(alert('a1'));
    const escalated = run({ type: 'alert', alert: seen }, { type: 'alert-changed', alert: { ...seen, status: 'escalated' } });
    expect(escalated.alerts[0]?.status).toBe('escalated');
    expect(distressReducer(escalated, { type: 'alert-changed', alert: seen })).toBe(escalated);
    const resolved = distressReducer(escalated, { type: 'alert-changed', alert: { ...seen, status: 'resolved' } });
    expect(resolved.alerts.map((a) => a.status)).toEqual(['resolved']);
    expect(distressReducer(resolved, { type: 'alert', alert: { ...seen, status: 'escalated' } })).toBe(resolved);
    expect(resolved.announcement).toBeNull();
  });

  test('[DS3] a request someone already has in hand, delivered on joining, is listed quietly', () => {
    const state = run({ type: 'alert', alert: acknowledged(alert('a1')) });
    expect(state.alerts).toHaveLength(1);
    expect(state.announcement).toBeNull();
  });

  test('a change about a request not seen before is listed, and not announced', () => {
    const state = run({ type: 'alert-changed', alert: alert('a1') });
    expect(state.alerts).toHaveLength(1);
    expect(state.announcement).toBeNull();
  });

  test.each([
    { case: 'a new level', change: { level: 'not_safe' }, expected: 'Sam added to their request: Does not feel safe right now' },
    { case: 'a note', change: { note: 'It is a hard week' }, expected: 'Sam added to their request' },
    { case: 'both', change: { level: 'talk_privately', note: 'x' }, expected: 'Sam added to their request: Would like to talk privately' },
  ] as const)('[DS16] what the member adds after the tap ($case) is announced, also on a request already taken', ({ change, expected }) => {
    const taken = run({ type: 'alert', alert: alert('a1') }, { type: 'alert-changed', alert: acknowledged(alert('a1')) });
    const amended = distressReducer(taken, { type: 'alert-changed', alert: { ...acknowledged(alert('a1')), ...change } });
    expect(amended.announcement).toMatchObject({ seq: 2, alertId: 'a1', text: expected });
    expect(amended.alerts[0]).toMatchObject(change);
  });

  test('a change of status alone (acknowledged, escalated, resolved) is not an addition and stays quiet', () => {
    const first = run({ type: 'alert', alert: alert('a1') });
    const moved = [acknowledged(alert('a1')), { ...acknowledged(alert('a1')), status: 'escalated' as const }, { ...acknowledged(alert('a1')), status: 'resolved' as const, level: 'not_safe' as const }]
      .reduce((state, a) => distressReducer(state, { type: 'alert-changed', alert: a }), first);
    expect(moved.announcement?.seq).toBe(1);
  });

  test('whoever has waited longest is first, whatever order the facts came in', () => {
    const state = run(
      { type: 'alert', alert: alert('late', { raisedAt: 3000 }) },
      { type: 'alert', alert: alert('early', { raisedAt: 1000 }) },
      { type: 'alert', alert: alert('b-same', { raisedAt: 2000 }) },
      { type: 'alert', alert: alert('a-same', { raisedAt: 2000 }) },
    );
    expect(state.alerts.map((a) => a.id)).toEqual(['early', 'a-same', 'b-same', 'late']);
  });

  test('a request is never dropped: acknowledging one keeps the others', () => {
    const state = run({ type: 'alert', alert: alert('a1') }, { type: 'alert', alert: alert('a2', { raisedAt: 2000 }) }, { type: 'alert-changed', alert: acknowledged(alert('a1')) });
    expect(state.alerts.map((a) => [a.id, a.status])).toEqual([['a1', 'acknowledged'], ['a2', 'raised']]);
    expect(waitingCount(state.alerts)).toBe(1);
  });

  test('the two sides do not touch each other (a co-facilitator has both)', () => {
    const state = run({ type: 'tapped' }, { type: 'alert', alert: alert('a1') }, { type: 'send-started' }, sent('mine'));
    expect(state.alerts.map((a) => a.id)).toEqual(['a1']);
    expect(state.member.sent?.alertId).toBe('mine');
  });
});

describe('words', () => {
  test.each([
    { level: 'struggling', expected: 'Struggling' },
    { level: 'talk_privately', expected: 'Would like to talk privately' },
    { level: 'not_safe', expected: 'Does not feel safe right now' },
  ] as const)('levelLabel($level)', ({ level, expected }) => {
    expect(levelLabel(level)).toBe(expected);
  });

  const cody = { id: 'cody', displayName: 'Cody' };
  const step = (a: DistressAlert, kind: 'escalated' | 'resolved' | 'in_conversation', by: typeof fran | null, at = 3000): DistressAlert =>
    ({ ...a, status: kind, timeline: [...a.timeline, { at, kind, by }] });

  test.each<{ case: string; alert: DistressAlert; expected: string | null }>([
    { case: 'waiting', alert: alert('a'), expected: null },
    { case: 'acknowledged', alert: acknowledged(alert('a')), expected: 'Seen by Fran' },
    { case: 'in a private conversation', alert: step(acknowledged(alert('a')), 'in_conversation', fran), expected: 'Seen by Fran' },
    { case: 'opened by a concerned facilitator', alert: alert('a', { status: 'acknowledged', openedBy: cody, acknowledgedBy: cody }), expected: 'Opened by Cody' },
    { case: 'escalated by another facilitator', alert: step(acknowledged(alert('a')), 'escalated', cody), expected: 'Seen by Fran · Escalated by Cody' },
    { case: 'escalated straight from raised', alert: step(alert('a'), 'escalated', cody), expected: 'Escalated by Cody' },
    { case: 'escalated by the server (nobody named)', alert: step(alert('a'), 'escalated', null), expected: null },
    { case: 'resolved', alert: step(acknowledged(alert('a')), 'resolved', cody), expected: 'Resolved by Cody' },
  ])('caseStatusText: $case', ({ alert: a, expected }) => {
    expect(caseStatusText(a)).toBe(expected);
  });

  test('the status is always said in words, from the same wording the records use', () => {
    expect(statusWord('raised')).toBe('Raised');
    expect(statusWord('acknowledged')).toBe('Acknowledged');
    expect(statusWord('in_conversation')).toBe('In conversation');
    expect(statusWord('escalated')).toBe('Escalated');
    expect(statusWord('resolved')).toBe('Resolved');
  });

  test.each<{ status: DistressAlert['status']; escalate: boolean; resolved: boolean }>([
    { status: 'raised', escalate: true, resolved: false },
    { status: 'acknowledged', escalate: true, resolved: false },
    { status: 'in_conversation', escalate: true, resolved: false },
    { status: 'escalated', escalate: false, resolved: false },
    { status: 'resolved', escalate: false, resolved: true },
  ])('[DS5] a $status request: escalate offered $escalate, resolved $resolved', ({ status, escalate, resolved }) => {
    expect(canEscalate(alert('a', { status }))).toBe(escalate);
    expect(isResolved(alert('a', { status }))).toBe(resolved);
  });

  test.each<{ role: Role; expected: boolean }>([
    { role: 'member', expected: true },
    { role: 'co_facilitator', expected: true },
    { role: 'facilitator', expected: false },
  ])('canAskForSupport($role) -> $expected', ({ role, expected }) => {
    expect(canAskForSupport(role)).toBe(expected);
  });
});
