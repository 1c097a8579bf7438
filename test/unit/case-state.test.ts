import { describe, expect, it } from 'vitest';
import type { DistressCaseStatus } from '@hearth/shared';
import { applyCaseAction, isOpen, reAlertDue, type CaseAction } from '../../server/src/modules/distress/case-state.js';

describe('support request cases', () => {
  it.each<[DistressCaseStatus, CaseAction, DistressCaseStatus | 'refused']>([
    ['raised', 'acknowledge', 'acknowledged'],
    ['raised', 'escalate', 'escalated'],
    ['raised', 'resolve', 'resolved'],
    ['acknowledged', 'acknowledge', 'refused'],
    ['acknowledged', 'escalate', 'escalated'],
    ['acknowledged', 'resolve', 'resolved'],
    ['in_conversation', 'escalate', 'escalated'],
    ['in_conversation', 'resolve', 'resolved'],
    ['escalated', 'acknowledge', 'refused'],
    ['escalated', 'escalate', 'refused'],
    ['escalated', 'resolve', 'resolved'],
    ['resolved', 'acknowledge', 'refused'],
    ['resolved', 'escalate', 'refused'],
    ['resolved', 'resolve', 'refused'],
  ])('[DS5] %s + %s -> %s', (from, action, expected) => {
    const result = applyCaseAction(from, action);
    if (expected === 'refused') expect(result).toMatchObject({ ok: false, reason: expect.any(String) });
    else expect(result).toEqual({ ok: true, status: expected });
  });

  it('[DS5] says plainly why a resolved case cannot change', () => {
    expect(applyCaseAction('resolved', 'escalate')).toEqual({ ok: false, reason: 'This request has already been resolved.' });
  });

  it.each<[DistressCaseStatus, boolean]>([
    ['raised', true],
    ['acknowledged', true],
    ['in_conversation', true],
    ['escalated', true],
    ['resolved', false],
  ])('%s is open: %s', (status, open) => expect(isOpen(status)).toBe(open));

  const window = 30_000;
  it.each<[string, DistressCaseStatus, number, boolean]>([
    ['just raised', 'raised', 0, false],
    ['one millisecond short', 'raised', window - 1, false],
    ['exactly the window', 'raised', window, true],
    ['long unseen', 'raised', 5 * window, true],
    ['acknowledged, however long ago', 'acknowledged', 5 * window, false],
    ['escalated', 'escalated', 5 * window, false],
    ['resolved', 'resolved', 5 * window, false],
  ])('[DS6] re-alert when %s', (_case, status, elapsed, due) => {
    const lastAlertedAt = 1_000_000;
    expect(reAlertDue({ status, lastAlertedAt }, lastAlertedAt + elapsed, window)).toBe(due);
  });
});
