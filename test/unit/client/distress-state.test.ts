import { describe, expect, test } from 'vitest';
import type { DistressAlert, Role } from '@hearth/shared';
import {
  canAskForSupport,
  canEscalate,
  caseStatusText,
  distressReducer,
  emptyDraft,
  initialDistressState,
  isResolved,
  levelLabel,
  memberStatusText,
  raisePayload,
  statusWord,
  waitingCount,
  type DistressAction,
  type DistressState,
  type MemberSide,
} from '../../../client/src/features/room/distress/distress-state.js';

// The client's side of the private distress channel is a reducer over what the person did and what the
// server said; these tests feed it the sequences the distress hook dispatches and check what each side sees.

const run = (...actions: DistressAction[]): DistressState => actions.reduce(distressReducer, initialDistressState);
const fran = { id: 'fran', displayName: 'Fran' };
const networkError = { code: 'network_error', message: "The room didn't answer in time. Please try again." } as const;

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

const sent = (alertId: string, raisedAt = 1000, crisisResources: string | null = null): DistressAction =>
  ({ type: 'send-succeeded', result: { alertId, raisedAt, crisisResources } });

describe('asking for support (the member side)', () => {
  test('at first nothing is open, nothing is sent, and the answer defaults to "struggling"', () => {
    expect(initialDistressState.member).toMatchObject({ dialogOpen: false, sending: false, error: null, sent: null });
    expect(initialDistressState.member.draft).toEqual({ level: 'struggling', note: '' });
  });

  test('the dialog opens and closes; closing keeps what was chosen and typed', () => {
    const typed = run({ type: 'dialog-opened' }, { type: 'draft-changed', draft: { level: 'not_safe' } }, { type: 'draft-changed', draft: { note: 'hard day' } });
    expect(typed.member.dialogOpen).toBe(true);
    const closed = distressReducer(typed, { type: 'dialog-closed' });
    expect(closed.member.dialogOpen).toBe(false);
    expect(closed.member.draft).toEqual({ level: 'not_safe', note: 'hard day' });
  });

  test('sending shows as sending and clears an earlier error', () => {
    const failed = run({ type: 'dialog-opened' }, { type: 'send-started' }, { type: 'send-failed', error: networkError });
    const again = distressReducer(failed, { type: 'send-started' });
    expect(again.member.sending).toBe(true);
    expect(again.member.error).toBeNull();
  });

  test('a failed send keeps the dialog open with the error and everything typed', () => {
    const state = run(
      { type: 'dialog-opened' },
      { type: 'draft-changed', draft: { level: 'talk_privately', note: 'It is a hard week' } },
      { type: 'send-started' },
      { type: 'send-failed', error: networkError },
    );
    expect(state.member).toMatchObject({ dialogOpen: true, sending: false, error: networkError, sent: null });
    expect(state.member.draft).toEqual({ level: 'talk_privately', note: 'It is a hard week' });
  });

  test('[DS1] once the server confirms, the dialog closes, the draft is cleared and the request is remembered', () => {
    const state = run({ type: 'dialog-opened' }, { type: 'draft-changed', draft: { note: 'x' } }, { type: 'send-started' }, sent('a1', 1234, 'Call 116 123'));
    expect(state.member).toMatchObject({ dialogOpen: false, sending: false, error: null });
    expect(state.member.draft).toEqual(emptyDraft);
    expect(state.member.sent).toEqual({ alertId: 'a1', raisedAt: 1234, seenAt: null, crisisResources: 'Call 116 123' });
  });

  test('[DS4] "seen" for this request marks it seen, once', () => {
    const seen = run({ type: 'send-started' }, sent('a1'), { type: 'seen', fact: { alertId: 'a1', at: 5 } });
    expect(seen.member.sent?.seenAt).toBe(5);
    expect(distressReducer(seen, { type: 'seen', fact: { alertId: 'a1', at: 9 } })).toBe(seen);
  });

  test('"seen" about an older request does not mark the latest one seen', () => {
    const state = run({ type: 'send-started' }, sent('a1'), { type: 'send-started' }, sent('a2'), { type: 'seen', fact: { alertId: 'a1', at: 5 } });
    expect(state.member.sent).toEqual({ alertId: 'a2', raisedAt: 1000, seenAt: null, crisisResources: null });
  });

  test('"seen" that overtakes the confirmation of the send is not lost', () => {
    const state = run({ type: 'send-started' }, { type: 'seen', fact: { alertId: 'a1', at: 5 } }, sent('a1'));
    expect(state.member.sent?.seenAt).toBe(5);
    expect(state.member.seenEarly).toEqual({});
  });

  test('"seen" for something unknown while nothing is being sent changes nothing', () => {
    const before = run({ type: 'send-started' }, sent('a1'));
    expect(distressReducer(before, { type: 'seen', fact: { alertId: 'zz', at: 5 } })).toBe(before);
  });

  test('[DS13] a closed request says so, with how to ask again; closing an older request changes nothing', () => {
    const state = run({ type: 'send-started' }, sent('a1'), { type: 'closed', alertId: 'a1' });
    expect(memberStatusText(state.member)).toBe('Your facilitators have closed this request. If you need support again, press “I need support”.');
    const newer = run({ type: 'send-started' }, sent('a1'), { type: 'send-started' }, sent('a2'));
    expect(distressReducer(newer, { type: 'closed', alertId: 'a1' })).toBe(newer);
    const again = run({ type: 'send-started' }, sent('a1'), { type: 'closed', alertId: 'a1' }, { type: 'send-started' }, sent('a2'));
    expect(memberStatusText(again.member)).toBe('Sent privately to your facilitators.');
  });

  test('asking again after a request was seen shows the new request as sent, not yet seen', () => {
    const state = run({ type: 'send-started' }, sent('a1'), { type: 'seen', fact: { alertId: 'a1', at: 5 } }, { type: 'send-started' }, sent('a2'));
    expect(state.member.sent).toEqual({ alertId: 'a2', raisedAt: 1000, seenAt: null, crisisResources: null });
  });
});

describe('memberStatusText: the private line near "I need support"', () => {
  const base = initialDistressState.member;
  const request = { alertId: 'a1', raisedAt: 1, seenAt: null, crisisResources: null };
  test.each<{ case: string; member: Partial<MemberSide>; expected: string }>([
    { case: 'nothing asked yet', member: {}, expected: '' },
    { case: 'dialog open for the first time', member: { dialogOpen: true }, expected: '' },
    { case: 'sent', member: { sent: request }, expected: 'Sent privately to your facilitators.' },
    { case: 'seen', member: { sent: { ...request, seenAt: 5 } }, expected: 'A facilitator has seen your request.' },
    { case: 'sending with the dialog open (the dialog says so)', member: { dialogOpen: true, sending: true }, expected: '' },
    { case: 'sending after the dialog was closed', member: { sending: true }, expected: 'Sending privately…' },
    { case: 'failed with the dialog open (the dialog says so)', member: { dialogOpen: true, error: networkError, sent: request }, expected: 'Sent privately to your facilitators.' },
    { case: 'failed after the dialog was closed', member: { error: networkError, sent: request }, expected: 'Your request was not sent. Press “I need support” to try again.' },
  ])('$case', ({ member, expected }) => {
    expect(memberStatusText({ ...base, ...member })).toBe(expected);
  });
});

describe('raisePayload', () => {
  test.each([
    { case: 'no note', draft: { level: 'struggling', note: '' }, expected: { level: 'struggling' } },
    { case: 'only spaces is no note', draft: { level: 'not_safe', note: '  \n ' }, expected: { level: 'not_safe' } },
    { case: 'a note is trimmed', draft: { level: 'talk_privately', note: '  hard week \n' }, expected: { level: 'talk_privately', note: 'hard week' } },
    { case: 'never longer than the protocol allows', draft: { level: 'struggling', note: 'x'.repeat(300) }, expected: { level: 'struggling', note: 'x'.repeat(280) } },
  ] as const)('$case', ({ draft, expected }) => {
    expect(raisePayload(draft)).toEqual(expected);
  });
});

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
    const state = run({ type: 'dialog-opened' }, { type: 'alert', alert: alert('a1') }, { type: 'send-started' }, sent('mine'));
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
