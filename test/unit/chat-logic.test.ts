import { describe, expect, it } from 'vitest';
import { audienceFor, mayReadChat, maySendChat, Role, visibleChat, type ChatAudience, type ChatMessage, type ChatMode } from '@hearth/shared';
import { MemoryChatStore } from '../../server/src/modules/chat/index.js';

const { facilitator, coFacilitator, member, supervisor } = Role;

describe('[CH1] [CH2] [CH3] who may write in each mode', () => {
  it.each([
    ['everyone', facilitator, true], ['everyone', coFacilitator, true], ['everyone', member, true], ['everyone', supervisor, false],
    ['facilitators', facilitator, true], ['facilitators', coFacilitator, true], ['facilitators', member, false], ['facilitators', supervisor, false],
    ['off', facilitator, false], ['off', coFacilitator, false], ['off', member, false], ['off', supervisor, false],
  ] as const)('%s: %s may write: %s', (mode, role, allowed) => {
    expect(maySendChat(mode, role)).toBe(allowed);
  });

  it.each([['everyone', 'everyone'], ['facilitators', 'facilitators'], ['off', null]] as const)('a message sent in %s is written for %s', (mode, audience) => {
    expect(audienceFor(mode)).toBe(audience);
  });
});

describe('[CH2] who reads what', () => {
  it.each([
    ['everyone', member, true], ['everyone', supervisor, true], ['everyone', coFacilitator, true],
    ['facilitators', member, false], ['facilitators', supervisor, true], ['facilitators', facilitator, true], ['facilitators', coFacilitator, true],
  ] as const)('written for %s, %s reads it: %s', (audience, role, reads) => {
    expect(mayReadChat(audience, role)).toBe(reads);
  });

  const said = (id: string, audience: ChatAudience): ChatMessage => ({ id, from: { id: 'f', displayName: 'Fran', role: facilitator }, text: id, sentAt: 1, audience });
  const history = [said('open', 'everyone'), said('staff', 'facilitators')];
  it.each([
    ['everyone', member, ['open']], ['off', member, ['open']], ['facilitators', member, []],
    ['everyone', facilitator, ['open', 'staff']], ['facilitators', supervisor, ['open', 'staff']],
  ] as [ChatMode, Role, string[]][])('in %s, %s sees %j', (mode, role, ids) => {
    expect(visibleChat(history, mode, role).map((m) => m.id)).toEqual(ids);
  });
});

describe('[CH4] [CH5] the in-memory chat store', () => {
  const message = (id: string): ChatMessage => ({ id, from: { id: 'm', displayName: 'Sam', role: member }, text: `text ${id}`, sentAt: 1, audience: 'everyone' });

  it('keeps only the most recent messages, oldest first', () => {
    const store = new MemoryChatStore(3);
    for (const id of ['a', 'b', 'c', 'd', 'e']) store.add('s1', message(id));
    expect(store.list('s1').map((m) => m.id)).toEqual(['c', 'd', 'e']);
  });

  it('removes one message, and nothing for an unknown id', () => {
    const store = new MemoryChatStore();
    store.add('s1', message('a'));
    store.add('s1', message('b'));
    expect(store.remove('s1', 'a')?.id).toBe('a');
    expect(store.remove('s1', 'a')).toBeUndefined();
    expect(store.remove('other', 'b')).toBeUndefined();
    expect(store.list('s1').map((m) => m.id)).toEqual(['b']);
  });

  it('keeps each session apart, and forgets a session whole (messages and mode)', () => {
    const store = new MemoryChatStore();
    store.add('s1', message('a'));
    store.setMode('s1', 'off');
    store.add('s2', message('b'));
    expect(store.list('s2').map((m) => m.id)).toEqual(['b']);
    store.forget('s1');
    expect(store.list('s1')).toEqual([]);
    expect(store.mode('s1')).toBe('everyone');
    expect(store.size).toBe(1);
  });
});
