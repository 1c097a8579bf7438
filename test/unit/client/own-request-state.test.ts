import { describe, expect, test } from 'vitest';
import {
  amendPayload,
  emptyDraft,
  hasOpenRequest,
  initialMemberSide,
  memberStatusText,
  ownRequestReducer,
  raisePayload,
  tapSends,
  type MemberSide,
  type OwnRequest,
  type OwnRequestAction,
  type RaisePayload,
} from '../../../client/src/features/room/distress/own-request-state.js';

// [DS16] A member's own request: the sequences the distress hook dispatches for one tap, what may follow it
// (level, note, closing the panel) and failures, and what the person sees after each.

const run = (...actions: OwnRequestAction[]): MemberSide => actions.reduce(ownRequestReducer, initialMemberSide);
const networkError = { code: 'network_error', message: "The room didn't answer in time. Please try again." } as const;
const notFound = { code: 'not_found', message: 'That request is closed or not yours. You can ask for support again.' } as const;

const sent = (alertId: string, payload: RaisePayload = { level: 'struggling' }, crisisResources: string | null = null): OwnRequestAction =>
  ({ type: 'send-succeeded', result: { alertId, raisedAt: 1000, crisisResources }, payload });
/** One tap that went through: what the hook dispatches when `tapSends` is true and the server answers. */
const tapped = (alertId = 'a1'): OwnRequestAction[] => [{ type: 'tapped' }, { type: 'send-started' }, sent(alertId)];

describe('[DS16] one tap sends', () => {
  test('at first nothing is open and nothing is sent; a tap would send, at the gentlest level with no note', () => {
    expect(initialMemberSide).toMatchObject({ panelOpen: false, sending: false, error: null, sent: null });
    expect(tapSends(initialMemberSide)).toBe(true);
    expect(raisePayload(initialMemberSide.draft)).toEqual({ level: 'struggling' });
  });

  test('the tap opens the panel at once and says it is sending; once stored, it says sent', () => {
    const sending = run({ type: 'tapped' }, { type: 'send-started' });
    expect(sending).toMatchObject({ panelOpen: true, sending: true });
    expect(memberStatusText(sending)).toBe('Sending privately…');
    const done = run(...tapped());
    expect(done).toMatchObject({ panelOpen: true, sending: false, error: null });
    expect(done.sent).toEqual({ alertId: 'a1', raisedAt: 1000, seenAt: null, crisisResources: null, level: 'struggling', note: '' });
    expect(memberStatusText(done)).toBe('Sent privately to your facilitators.');
  });

  test('a second tap (on its way or after) never sends another request; it shows the panel again and takes focus there', () => {
    const inFlight = run({ type: 'tapped' }, { type: 'send-started' });
    expect(tapSends(inFlight)).toBe(false);
    const done = run(...tapped());
    expect(tapSends(done)).toBe(false);
    const folded = ownRequestReducer(done, { type: 'panel-closed' });
    const again = ownRequestReducer(folded, { type: 'tapped' });
    expect(again.panelOpen).toBe(true);
    expect(again.taps).toBe(folded.taps + 1);
    expect(again.sent).toBe(done.sent);
  });

  test('a failed tap says so plainly; the next tap (or Try again) sends, with whatever was chosen meanwhile', () => {
    const failed = run(
      { type: 'tapped' },
      { type: 'send-started' },
      { type: 'draft-changed', draft: { level: 'talk_privately', note: 'It is a hard week' } },
      { type: 'send-failed', error: networkError },
    );
    expect(failed).toMatchObject({ panelOpen: true, sending: false, error: networkError, sent: null });
    expect(memberStatusText(failed)).toBe('Your request was not sent. Please try again.');
    expect(tapSends(failed)).toBe(true);
    expect(raisePayload(failed.draft)).toEqual({ level: 'talk_privately', note: 'It is a hard week' });
    const retrying = ownRequestReducer(failed, { type: 'send-started' });
    expect(retrying.error).toBeNull();
  });

  test('[DS13] after a facilitator closes the request the panel folds away, and the next tap is a new request at the default level', () => {
    const closed = run(...tapped(), { type: 'draft-changed', draft: { level: 'not_safe', note: 'x' } }, { type: 'closed', alertId: 'a1' });
    expect(closed.panelOpen).toBe(false);
    expect(hasOpenRequest(closed)).toBe(false);
    expect(tapSends(closed)).toBe(true);
    expect(closed.draft).toEqual(emptyDraft);
    expect(memberStatusText(closed)).toBe('Your facilitators have closed this request. If you need support again, press “I need support”.');
    const again = tapped('a2').reduce(ownRequestReducer, closed);
    expect(again.sent).toMatchObject({ alertId: 'a2', level: 'struggling', note: '' });
    expect(memberStatusText(again)).toBe('Sent privately to your facilitators.');
  });

  test('closing an older request changes nothing', () => {
    const newer = run(...tapped('a1'), { type: 'closed', alertId: 'a1' }, ...tapped('a2'));
    expect(ownRequestReducer(newer, { type: 'closed', alertId: 'a1' })).toBe(newer);
  });
});

describe('[DS15] the level and note after the tap', () => {
  test('the panel closes and opens without losing what was chosen and typed', () => {
    const typed = run(...tapped(), { type: 'draft-changed', draft: { level: 'not_safe' } }, { type: 'draft-changed', draft: { note: 'hard day' } });
    const closed = ownRequestReducer(typed, { type: 'panel-closed' });
    expect(closed.panelOpen).toBe(false);
    expect(ownRequestReducer(closed, { type: 'tapped' }).draft).toEqual({ level: 'not_safe', note: 'hard day' });
  });

  test('a confirmed change folds the panel away and the status line says it was added', () => {
    const state = run(...tapped(), { type: 'amend-started' }, { type: 'amend-succeeded', payload: { alertId: 'a1', level: 'talk_privately', note: 'hard week' } });
    expect(state).toMatchObject({ panelOpen: false, amending: false, amendError: null });
    expect(state.sent).toMatchObject({ level: 'talk_privately', note: 'hard week', added: true });
    expect(state.draft).toEqual({ level: 'talk_privately', note: 'hard week' });
    expect(memberStatusText(state)).toBe('Sent privately to your facilitators. What you added was sent too.');
  });

  test('a failed change keeps the panel, the error and everything typed; the request itself still stands', () => {
    const state = run(...tapped(), { type: 'draft-changed', draft: { note: 'hard week' } }, { type: 'amend-started' }, { type: 'amend-failed', error: networkError });
    expect(state).toMatchObject({ panelOpen: true, amending: false, amendError: networkError, error: null });
    expect(state.draft.note).toBe('hard week');
    expect(memberStatusText(state)).toBe('Sent privately to your facilitators.');
    expect(ownRequestReducer(state, { type: 'amend-started' }).amendError).toBeNull();
  });

  test('a change the server refused because the request was closed meanwhile is said in its words', () => {
    const state = run(...tapped(), { type: 'amend-started' }, { type: 'amend-failed', error: notFound });
    expect(state.amendError?.message).toBe(notFound.message);
  });

  test('a level chosen while the tap was on its way is still sent afterwards', () => {
    const state = run({ type: 'tapped' }, { type: 'send-started' }, { type: 'draft-changed', draft: { level: 'not_safe' } }, sent('a1'));
    expect(state.sent?.level).toBe('struggling');
    expect(state.sent && amendPayload(state.draft, state.sent)).toEqual({ alertId: 'a1', level: 'not_safe' });
  });
});

describe('amendPayload: only what changed', () => {
  const request: OwnRequest = { alertId: 'a1', raisedAt: 1, seenAt: null, crisisResources: null, level: 'struggling', note: 'before' };
  test.each([
    { case: 'nothing changed', draft: { level: 'struggling', note: 'before' }, expected: null },
    { case: 'only spaces around the same note', draft: { level: 'struggling', note: ' before \n' }, expected: null },
    { case: 'an emptied note is not sent (a note stays once given)', draft: { level: 'struggling', note: '  ' }, expected: null },
    { case: 'a new level', draft: { level: 'not_safe', note: 'before' }, expected: { alertId: 'a1', level: 'not_safe' } },
    { case: 'a new note, trimmed', draft: { level: 'struggling', note: ' after ' }, expected: { alertId: 'a1', note: 'after' } },
    { case: 'both', draft: { level: 'talk_privately', note: 'after' }, expected: { alertId: 'a1', level: 'talk_privately', note: 'after' } },
    { case: 'never longer than the protocol allows', draft: { level: 'struggling', note: 'x'.repeat(300) }, expected: { alertId: 'a1', note: 'x'.repeat(280) } },
  ] as const)('$case', ({ draft, expected }) => {
    expect(amendPayload(draft, request)).toEqual(expected);
  });
});

describe('seen and closed, as the server says them', () => {
  test('[DS4] "seen" for this request marks it seen, once', () => {
    const seen = run(...tapped(), { type: 'seen', fact: { alertId: 'a1', at: 5 } });
    expect(seen.sent?.seenAt).toBe(5);
    expect(memberStatusText(seen)).toBe('A facilitator has seen your request.');
    expect(ownRequestReducer(seen, { type: 'seen', fact: { alertId: 'a1', at: 9 } })).toBe(seen);
  });

  test('"seen" that overtakes the confirmation of the send is not lost', () => {
    const state = run({ type: 'tapped' }, { type: 'send-started' }, { type: 'seen', fact: { alertId: 'a1', at: 5 } }, sent('a1'));
    expect(state.sent?.seenAt).toBe(5);
    expect(state.seenEarly).toEqual({});
  });

  test('"seen" for something unknown while nothing is being sent changes nothing', () => {
    const before = run(...tapped());
    expect(ownRequestReducer(before, { type: 'seen', fact: { alertId: 'zz', at: 5 } })).toBe(before);
  });

  test('"seen" about an older request does not mark the newer one seen', () => {
    const state = run(...tapped('a1'), { type: 'closed', alertId: 'a1' }, ...tapped('a2'), { type: 'seen', fact: { alertId: 'a1', at: 5 } });
    expect(state.sent).toMatchObject({ alertId: 'a2', seenAt: null });
  });

  test('the crisis lines that came with the answer are kept with the request', () => {
    expect(run({ type: 'tapped' }, { type: 'send-started' }, sent('a1', { level: 'struggling' }, 'Call 116 123')).sent?.crisisResources).toBe('Call 116 123');
  });
});

describe('memberStatusText: the private line near "I need support"', () => {
  const request: OwnRequest = { alertId: 'a1', raisedAt: 1, seenAt: null, crisisResources: null, level: 'struggling', note: '' };
  test.each<{ case: string; member: Partial<MemberSide>; expected: string }>([
    { case: 'nothing asked yet', member: {}, expected: '' },
    { case: 'sending, panel open or not', member: { sending: true }, expected: 'Sending privately…' },
    { case: 'sent', member: { sent: request }, expected: 'Sent privately to your facilitators.' },
    { case: 'seen', member: { sent: { ...request, seenAt: 5 } }, expected: 'A facilitator has seen your request.' },
    { case: 'seen, with something added', member: { sent: { ...request, seenAt: 5, added: true } }, expected: 'A facilitator has seen your request. What you added was sent too.' },
    { case: 'not sent, panel open or not', member: { error: networkError, panelOpen: true }, expected: 'Your request was not sent. Please try again.' },
    { case: 'a change did not arrive (the panel says so; the request still stands)', member: { sent: request, amendError: networkError }, expected: 'Sent privately to your facilitators.' },
  ])('$case', ({ member, expected }) => {
    expect(memberStatusText({ ...initialMemberSide, ...member })).toBe(expected);
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
