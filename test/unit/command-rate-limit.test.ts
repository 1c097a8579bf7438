import { describe, expect, it } from 'vitest';
import { CommandRateLimits } from '../../server/src/realtime/command-rate-limit.js';

describe('[RL1] command rate budgets', () => {
  it('refuses once the shared budget is spent, per participant', async () => {
    const limits = new CommandRateLimits({ points: 3, perSeconds: 60 }, {});
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await limits.allow('sam', 'media:state'));
    expect(answers).toEqual([true, true, true, false]);
    // Someone else's budget is untouched.
    expect(await limits.allow('alex', 'media:state')).toBe(true);
  });

  it('a tighter budget applies to its own command only', async () => {
    const limits = new CommandRateLimits({ points: 100, perSeconds: 60 }, { 'rules:revisit': { points: 1, perSeconds: 60 } });
    expect(await limits.allow('sam', 'rules:revisit')).toBe(true);
    expect(await limits.allow('sam', 'rules:revisit')).toBe(false);
    expect(await limits.allow('sam', 'rules:get')).toBe(true);
  });

  it('a budget refills after its window', async () => {
    const limits = new CommandRateLimits({ points: 1, perSeconds: 1 }, {});
    expect(await limits.allow('sam', 'media:state')).toBe(true);
    expect(await limits.allow('sam', 'media:state')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await limits.allow('sam', 'media:state')).toBe(true);
  });
});
