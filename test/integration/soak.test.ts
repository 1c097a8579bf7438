import { describe, expect, it } from 'vitest';
import { runSoak, sockets, timers } from '../support/soak.js';

// [SK1] The short soak (the long one: `npm run bench:soak`): sessions opened, used and ended in a loop
// against a real server process leave no timer or socket behind and give their memory back.
describe('soak', () => {
  it('[SK1] after 100 sessions the heap is back near its baseline and no timer or socket is left', async () => {
    const result = await runSoak({ sessions: 100, warmUp: 20, concurrency: 4, probeEvery: 50, drainMs: 10_000 });
    expect(result.failures).toEqual([]);
    expect(Object.keys(result.answers)).toEqual(['ok']);
    expect(result.baseline.gc).toBe(true);
    expect(timers(result.afterDrain)).toBeLessThanOrEqual(timers(result.baseline));
    expect(sockets(result.afterDrain)).toBeLessThanOrEqual(sockets(result.baseline));
    expect(result.afterDrain.heapUsed - result.baseline.heapUsed).toBeLessThan(4 * 2 ** 20);
  }, 60_000);
});
