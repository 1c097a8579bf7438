import { describe, expect, test } from 'vitest';
import { pseudonymsFor, type PseudonymSubject } from '../../server/src/modules/retention/index.js';

describe('[RT2] pseudonyms for an expired session', () => {
  const people: PseudonymSubject[] = [
    { id: 'c', role: 'member', joinedAt: 30 },
    { id: 'a', role: 'facilitator', joinedAt: 10 },
    { id: 'b', role: 'member', joinedAt: 20 },
    { id: 'e', role: 'co_facilitator', joinedAt: 25 },
    { id: 'd', role: 'supervisor', joinedAt: 40 },
    { id: 'f', role: 'member', joinedAt: 20 },
  ];

  test('role and place among that role in join order; ties in join time by id', () => {
    expect(Object.fromEntries(pseudonymsFor(people))).toEqual({
      a: 'Facilitator 1',
      b: 'Member 1',
      f: 'Member 2',
      e: 'Co-facilitator 1',
      c: 'Member 3',
      d: 'Supervisor 1',
    });
  });

  test('stable: the same people in any order get the same pseudonyms', () => {
    expect(pseudonymsFor([...people].reverse())).toEqual(pseudonymsFor(people));
  });

  test.each([[[]], [[{ id: 'x', role: 'member', joinedAt: 0 }]]] as [PseudonymSubject[]][])('no one, or one person: %j', (few) => {
    expect([...pseudonymsFor(few).values()]).toEqual(few.map(() => 'Member 1'));
  });
});
