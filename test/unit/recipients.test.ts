import { describe, expect, test } from 'vitest';
import type { Role } from '@hearth/shared';
import { facilitators, members, staff, visibleTo, type Reachable } from '../../server/src/modules/recipients/index.js';

// Who receives each kind of message (server/src/modules/recipients): above all, who must NOT.

const at = (id: string, role: Role, connectionId = `c-${id}`): Reachable => ({ participant: { id, role }, connectionId });
const room: Reachable[] = [
  at('fran', 'facilitator'),
  at('kim', 'co_facilitator'),
  at('sam', 'member'),
  at('ola', 'member'),
  at('vera', 'supervisor'),
  // A second tab of Fran's.
  at('fran', 'facilitator', 'c-fran-2'),
];
const memberConnections = ['c-sam', 'c-ola'];

describe('[DS2] facilitators', () => {
  test('are the facilitators and co-facilitators: never a member, never the hidden supervisor', () => {
    expect(facilitators(room)).toEqual(['c-fran', 'c-kim', 'c-fran-2']);
    expect(facilitators(room)).not.toContain('c-vera');
    for (const c of memberConnections) expect(facilitators(room)).not.toContain(c);
  });

  test.each([
    [{ participantId: 'fran' }, ['c-kim']],
    [{ connectionId: 'c-fran-2' }, ['c-fran', 'c-kim']],
    [{ participantId: 'sam' }, ['c-fran', 'c-kim', 'c-fran-2']],
  ])('leave out %o', (except, expected) => {
    expect(facilitators(room, except)).toEqual(expected);
  });

  test('a room of members only has nobody to tell', () => {
    expect(facilitators([at('sam', 'member'), at('ola', 'member')])).toEqual([]);
  });
});

describe('[SV4] staff', () => {
  test('add the hidden supervisor to the facilitators, and never include a member', () => {
    expect(staff(room)).toEqual(['c-fran', 'c-kim', 'c-vera', 'c-fran-2']);
    for (const c of memberConnections) expect(staff(room)).not.toContain(c);
  });

  test('leave out the sender, or the person a case is about', () => {
    expect(staff(room, { participantId: 'vera' })).toEqual(['c-fran', 'c-kim', 'c-fran-2']);
    expect(staff(room, { participantId: 'kim' })).toEqual(['c-fran', 'c-vera', 'c-fran-2']);
  });
});

describe('members', () => {
  test('are everyone who is not staff', () => {
    expect(members(room)).toEqual(memberConnections);
    expect(members(room, { participantId: 'sam' })).toEqual(['c-ola']);
  });
});

describe('[SV1] visibleTo', () => {
  test("a visible person's facts go to the whole channel", () => {
    expect(visibleTo(room, { id: 'sam', role: 'member' })).toBe('channel');
    expect(visibleTo(room, { id: 'kim', role: 'co_facilitator' })).toBe('channel');
  });

  test("the hidden supervisor's facts reach staff other than themselves, one by one, and no member", () => {
    const audience = visibleTo(room, { id: 'vera', role: 'supervisor' });
    expect(audience).toEqual(['c-fran', 'c-kim', 'c-fran-2']);
    for (const c of [...memberConnections, 'c-vera']) expect(audience).not.toContain(c);
  });

  test("a replacing connection of the supervisor's is left out, and so is the connection named", () => {
    const withSecondTab = [...room, at('vera', 'supervisor', 'c-vera-2')];
    expect(visibleTo(withSecondTab, { id: 'vera', role: 'supervisor' }, { connectionId: 'c-kim' })).toEqual(['c-fran', 'c-fran-2']);
  });

  test('a room with only members and the supervisor tells nobody', () => {
    expect(visibleTo([at('sam', 'member'), at('vera', 'supervisor')], { id: 'vera', role: 'supervisor' })).toEqual([]);
  });
});
