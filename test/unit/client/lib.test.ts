import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { RoomCredential } from '@hearth/shared';
import { clearCredential, loadCredential, saveCredential } from '../../../client/src/lib/credential-storage.js';
import { networkError, unexpectedResponse } from '../../../client/src/lib/errors.js';
import { formatDateTime, inviteStatusLabel, roleLabel } from '../../../client/src/lib/format.js';
import { describeMediaError, hasLiveTrack } from '../../../client/src/lib/user-media.js';
import { checkEmail, checkName, checkNewPassword, checkOptionalText, focusFirstInvalid, optional } from '../../../client/src/lib/validation.js';

describe('format', () => {
  test.each([
    { role: 'facilitator', expected: 'Facilitator' },
    { role: 'co_facilitator', expected: 'Co-facilitator' },
    { role: 'member', expected: 'Member' },
  ] as const)('roleLabel($role) -> $expected', ({ role, expected }) => {
    expect(roleLabel(role)).toBe(expected);
  });

  test.each([
    { status: 'active', expected: 'Active' },
    { status: 'expired', expected: 'Expired' },
    { status: 'revoked', expected: 'Revoked' },
    { status: 'used_up', expected: 'Used up' },
  ] as const)('inviteStatusLabel($status) -> $expected', ({ status, expected }) => {
    expect(inviteStatusLabel(status)).toBe(expected);
  });

  // Mid-year, mid-day, on the minute: the same calendar day and year in every time zone.
  const noon = Date.UTC(2031, 5, 15, 12, 0, 0);
  test('formatDateTime shows the date with its year and the time to the minute, without seconds', () => {
    expect(formatDateTime(noon)).toMatch(/2031/);
    expect(formatDateTime(noon + 59_000)).toBe(formatDateTime(noon));
    expect(formatDateTime(noon + 60_000)).not.toBe(formatDateTime(noon));
  });
});

describe('errors the client produces on its own', () => {
  test.each([
    { error: networkError, code: 'network_error', says: /try again/ },
    { error: unexpectedResponse, code: 'unexpected_response', says: /Reloading the page/ },
  ])('$code says what to do next', ({ error, code, says }) => {
    expect(error.code).toBe(code);
    expect(error.message).toMatch(says);
  });
});

describe('validation', () => {
  const tooLong = 'Please keep it to 40 characters or fewer.';
  test.each([
    ['empty', '', 'Please enter a name.'],
    ['only spaces', '   ', 'Please enter a name.'],
    ['a first name', 'Sam', null],
    ['exactly 40 characters', 'a'.repeat(40), null],
    ['41 characters', 'a'.repeat(41), tooLong],
    // Every form sends the name trimmed, and the schema limits what is sent (DisplayNameSchema, 40).
    ['40 characters and a trailing space (trimmed before sending) is accepted', `${'a'.repeat(40)} `, null],
  ])('checkName: %s', (_name, value, expected) => {
    expect(checkName(value)).toBe(expected);
  });

  test.each([
    { length: 80, expected: null },
    { length: 81, expected: 'Please keep it to 80 characters or fewer.' },
  ])('checkName with an 80-character limit (group names): $length characters -> $expected', ({ length, expected }) => {
    expect(checkName('g'.repeat(length), 80)).toBe(expected);
  });

  test.each([
    ['blank is fine', '', null],
    ['at the limit', 'a'.repeat(80), null],
    ['over the limit', 'a'.repeat(81), 'Please keep it to 80 characters or fewer.'],
    // Organisation and label go through optional(), which trims, before they are sent.
    ['at the limit with surrounding spaces (trimmed before sending) is accepted', ` ${'a'.repeat(80)} `, null],
  ])('checkOptionalText: %s', (_name, value, expected) => {
    expect(checkOptionalText(value, 80)).toBe(expected);
  });

  const likeExample = 'Please enter an email address like name@example.org.';
  test.each([
    { value: '', expected: 'Please enter your email address.' },
    { value: '  ', expected: 'Please enter your email address.' },
    { value: 'name@example.org', expected: null },
    { value: '  name@example.org  ', expected: null },
    { value: 'name', expected: likeExample },
    { value: '@example.org', expected: likeExample },
    { value: 'name@', expected: likeExample },
    { value: 'na me@example.org', expected: likeExample },
    { value: 'a@b@c', expected: likeExample },
  ])('checkEmail($value) -> $expected', ({ value, expected }) => {
    expect(checkEmail(value)).toBe(expected);
  });

  test.each([
    { length: 9, expected: 'Please use at least 10 characters.' },
    { length: 10, expected: null },
    { length: 200, expected: null },
    { length: 201, expected: 'Please keep it to 200 characters or fewer.' },
  ])('checkNewPassword: $length characters -> $expected', ({ length, expected }) => {
    expect(checkNewPassword('p'.repeat(length))).toBe(expected);
  });

  test.each([
    { value: '', expected: undefined },
    { value: '   ', expected: undefined },
    { value: '  NHS Trust ', expected: 'NHS Trust' },
  ])('optional($value) -> $expected', ({ value, expected }) => {
    expect(optional(value)).toBe(expected);
  });

  test('focusFirstInvalid puts focus on the field marked invalid, and tolerates no form', () => {
    const focus = vi.fn();
    const form = { querySelector: (selector: string) => (selector === '[aria-invalid="true"]' ? { focus } : null) };
    focusFirstInvalid(form as unknown as HTMLFormElement);
    expect(focus).toHaveBeenCalledOnce();
    expect(() => focusFirstInvalid(null)).not.toThrow();
    expect(() => focusFirstInvalid({ querySelector: () => null } as unknown as HTMLFormElement)).not.toThrow();
  });
});

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key: string) => items.get(key) ?? null,
    key: (index: number) => [...items.keys()][index] ?? null,
    removeItem: (key: string) => void items.delete(key),
    setItem: (key: string, value: string) => void items.set(key, String(value)),
  };
}

function refusingStorage(): Storage {
  const refuse = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return { length: 0, clear: refuse, getItem: refuse, key: refuse, removeItem: refuse, setItem: refuse };
}

describe('credential storage', () => {
  const credential: RoomCredential = { token: 'credential-token-0123456789', sessionId: 's1', participantId: 'p1' };
  let session: Storage;
  let local: Storage;
  beforeEach(() => {
    session = memoryStorage();
    local = memoryStorage();
    vi.stubGlobal('sessionStorage', session);
    vi.stubGlobal('localStorage', local);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test('a reload of the same link finds the credential it saved', () => {
    saveCredential('link-1', credential);
    expect(loadCredential('link-1')).toEqual(credential);
  });

  test('nothing saved for a link gives nothing', () => {
    saveCredential('link-1', credential);
    expect(loadCredential('link-2')).toBeNull();
  });

  test('each link keeps its own credential, and forgetting one leaves the other', () => {
    const other = { ...credential, participantId: 'p2' };
    saveCredential('link-1', credential);
    saveCredential('link-2', other);
    clearCredential('link-1');
    expect(loadCredential('link-1')).toBeNull();
    expect(loadCredential('link-2')).toEqual(other);
  });

  test('it is kept for this tab only (sessionStorage), never in localStorage', () => {
    saveCredential('link-1', credential);
    expect(session.length).toBe(1);
    expect(local.length).toBe(0);
  });

  test.each([
    { case: 'not JSON', raw: '{not json' },
    { case: 'null', raw: 'null' },
    { case: 'a bare string', raw: '"credential-token-0123456789"' },
    { case: 'missing the participant', raw: JSON.stringify({ token: 't', sessionId: 's1' }) },
    { case: 'an id the server would never issue', raw: JSON.stringify({ ...credential, sessionId: 's 1/../x' }) },
  ])('a stored value that is $case is ignored, so the link is redeemed again', ({ raw }) => {
    saveCredential('link-1', credential);
    const key = session.key(0);
    expect(key).not.toBeNull();
    session.setItem(key ?? '', raw);
    expect(loadCredential('link-1')).toBeNull();
  });

  test('storage that refuses (private mode, full quota) never breaks joining', () => {
    vi.stubGlobal('sessionStorage', refusingStorage());
    expect(() => saveCredential('link-1', credential)).not.toThrow();
    expect(loadCredential('link-1')).toBeNull();
    expect(() => clearCredential('link-1')).not.toThrow();
  });

  test('no storage at all is the same as nothing stored', () => {
    vi.stubGlobal('sessionStorage', undefined);
    expect(() => saveCredential('link-1', credential)).not.toThrow();
    expect(loadCredential('link-1')).toBeNull();
  });
});

describe('user media helpers', () => {
  test.each([
    { name: 'NotAllowedError', says: /allow it from the address bar/ },
    { name: 'SecurityError', says: /allow it from the address bar/ },
    { name: 'NotFoundError', says: /couldn't find a camera or microphone/ },
    { name: 'OverconstrainedError', says: /couldn't find a camera or microphone/ },
    { name: 'NotReadableError', says: /in use by another app/ },
    { name: 'AbortError', says: /in use by another app/ },
    { name: 'SomethingNew', says: /couldn't start your camera or microphone/ },
  ])('describeMediaError($name)', ({ name, says }) => {
    expect(describeMediaError(new DOMException('browser words', name))).toMatch(says);
  });

  test.each([
    { case: 'an Error', error: new Error('boom') },
    { case: 'a string', error: 'NotAllowedError' },
    { case: 'nothing', error: undefined },
    { case: 'a look-alike object', error: { name: 'NotAllowedError' } },
  ])('$case instead of a DOMException gets the general words, never its own', ({ error }) => {
    expect(describeMediaError(error)).toBe("We couldn't start your camera or microphone. You can still join and listen.");
  });

  // Only the track lists are read, so a plain object stands in for a MediaStream in Node.
  const stream = (audio: MediaStreamTrackState[], video: MediaStreamTrackState[]) => {
    const tracks = (states: MediaStreamTrackState[]) => states.map((readyState) => ({ readyState }) as MediaStreamTrack);
    return { getAudioTracks: () => tracks(audio), getVideoTracks: () => tracks(video) } as unknown as MediaStream;
  };
  test.each([
    { case: 'no stream', value: null, kind: 'audio', expected: false },
    { case: 'a live microphone', value: stream(['live'], []), kind: 'audio', expected: true },
    { case: 'a stopped microphone', value: stream(['ended'], ['live']), kind: 'audio', expected: false },
    { case: 'one of two cameras still live', value: stream([], ['ended', 'live']), kind: 'video', expected: true },
    { case: 'no camera track', value: stream(['live'], []), kind: 'video', expected: false },
  ] as const)('hasLiveTrack: $case -> $expected', ({ value, kind, expected }) => {
    expect(hasLiveTrack(value, kind)).toBe(expected);
  });
});
