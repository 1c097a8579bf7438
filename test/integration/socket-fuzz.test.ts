import { describe, expect, it } from 'vitest';
import { runFuzz } from '../support/fuzz/run.js';

// [FZ1] The short socket fuzz (the long one: `npm run bench:fuzz`): broken, oversized, wrong-role and
// out-of-order commands from every kind of person against a real server process (test/support/fuzz/).
describe('socket fuzz', () => {
  it('[FZ1] every command is answered typed or refused, the server still answers, no record is lost, no member learns what only facilitators may', async () => {
    const result = await runFuzz({ commands: 3_000, sessions: 3, membersPerSession: 3, seed: 14, intervalMs: 90, replacements: 5 });
    const { ledger, records, alive } = result;
    expect(ledger.sent).toBe(3_000);
    // The run reached past the doors: every kind was sent, and some commands did something.
    expect(Object.keys(ledger.sentByKind).sort()).toEqual(['malformed', 'out_of_order', 'oversized', 'unknown_event', 'valid', 'wrong_role']);
    expect(ledger.answers.ok).toBeGreaterThan(100);
    expect(ledger.untyped).toEqual([]);
    expect(ledger.answers.internal_error ?? 0).toBe(0);
    expect(ledger.malformedFacts).toEqual({});
    expect(ledger.factsToMembers).toBeGreaterThan(0);
    expect(ledger.forbiddenExamples).toEqual([]);
    expect(records).toMatchObject({ lost: [], changed: [], ackedMissing: [], wrongRecipient: [] });
    expect(records.before).toBeGreaterThan(50);
    expect(alive).toEqual({ health: 200, join: 'ok', command: 'ok' });
    expect(result.processExited).toBe(false);
    expect(result.serverErrors).toEqual([]);
  }, 60_000);
});
