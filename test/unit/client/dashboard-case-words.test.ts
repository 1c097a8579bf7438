import { describe, expect, test } from 'vitest';
import type { DistressAlert, DistressCaseStatus } from '@hearth/shared';
import {
  clockTime,
  handlerWords,
  inRaisedOrder,
  levelWords,
  openCases,
  statusWords,
  stepText,
  stepWords,
} from '../../../client/src/lib/case-words.js';

const fran = { id: 'f1', displayName: 'Fran' };

function alert(id: string, raisedAt: number, status: DistressCaseStatus, acknowledgedBy: DistressAlert['acknowledgedBy'] = null): DistressAlert {
  return {
    id,
    participantId: `p-${id}`,
    displayName: `Member ${id}`,
    level: 'struggling',
    note: null,
    raisedAt,
    acknowledgedAt: acknowledgedBy ? raisedAt + 1000 : null,
    acknowledgedBy,
    openedBy: null,
    memberIncludedAt: raisedAt,
    status,
    reAlerts: 0,
    timeline: [{ at: raisedAt, kind: 'raised', by: null }],
  };
}

describe('a support record reads in words, never numbers to compare people by', () => {
  test.each([
    ['struggling', 'Struggling'],
    ['talk_privately', 'Would like to talk privately'],
    ['not_safe', 'Does not feel safe right now'],
  ] as const)('level %s -> %s', (level, words) => {
    expect(levelWords(level)).toBe(words);
  });

  test.each([
    ['raised', 'Raised'],
    ['acknowledged', 'Acknowledged'],
    ['in_conversation', 'In conversation'],
    ['escalated', 'Escalated'],
    ['resolved', 'Resolved'],
  ] as const)('status %s -> %s', (status, words) => {
    expect(statusWords(status)).toBe(words);
    expect(stepWords(status)).toBe(words);
  });

  test('a re-alert says the server sent it round again, not that the member asked twice', () => {
    expect(stepWords('re_alerted')).toBe('Sent to facilitators again');
  });

  test('a step says who took it, when someone did', () => {
    expect(stepText({ at: 0, kind: 'acknowledged', by: fran })).toBe('Acknowledged (by Fran)');
    expect(stepText({ at: 0, kind: 'raised', by: null })).toBe('Raised');
  });

  test('times are shown as 24-hour hours and minutes', () => {
    expect(clockTime(new Date(2031, 5, 15, 14, 5, 59).getTime())).toMatch(/^14\D05$/);
    expect(clockTime(new Date(2031, 5, 15, 9, 7).getTime())).toMatch(/^09\D07$/);
  });

  test('who is handling a case', () => {
    expect(handlerWords(alert('a', 1, 'escalated', fran))).toBe('handled by Fran');
    expect(handlerWords(alert('a', 1, 'raised'))).toBe('no facilitator acknowledged it');
  });
});

describe('order and handover', () => {
  const cases = [alert('c', 3000, 'resolved', fran), alert('a', 1000, 'raised'), alert('b', 2000, 'escalated', fran), alert('d', 4000, 'acknowledged', fran)];

  test('records are listed oldest first, as they happened, without changing the given list', () => {
    expect(inRaisedOrder(cases).map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(cases.map((c) => c.id)).toEqual(['c', 'a', 'b', 'd']);
  });

  test('the handover holds every case not resolved, oldest first', () => {
    expect(openCases(cases).map((c) => c.id)).toEqual(['a', 'b', 'd']);
    expect(openCases([alert('x', 1, 'resolved')])).toEqual([]);
    expect(openCases([])).toEqual([]);
  });
});
