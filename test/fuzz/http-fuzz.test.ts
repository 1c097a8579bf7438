import { describe, expect, it } from 'vitest';
import { runHttpFuzz } from './http-fuzz.js';

// [FZ2] The short run of `npm test` (the long one: `npm run bench:fuzz-http`). A fixed seed, so a failure
// here is the same failure on the next run; schemathesis is installed into .cache/schemathesis on first use.
describe('[FZ2] schemathesis against every HTTP route of a real server', () => {
  it('finds no 5xx, no crash, and every answer as the OpenAPI document says (refusals typed)', { timeout: 120_000 }, async () => {
    const figures = await runHttpFuzz({ maxExamples: 20, seed: 14 });
    expect({ crashed: figures.crashed, answersAfter: figures.answersAfter }).toEqual({ crashed: false, answersAfter: true });
    expect(figures.loggedErrors).toEqual([]);
    expect(figures.serverErrors).toBe(0);
    expect(figures.failures).toEqual([]);
    expect(figures.failuresByCheck).toEqual({});
    expect(figures.schemathesisExit).toBe(0);
    // Every route was exercised, and the real ids got past the 404s often enough to matter.
    expect(figures.operations).toBeGreaterThanOrEqual(24);
    expect((figures.byStatus['200'] ?? 0) + (figures.byStatus['201'] ?? 0)).toBeGreaterThan(50);
  });
});
