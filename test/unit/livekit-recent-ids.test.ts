import { describe, expect, it } from 'vitest';
import { RecentIds } from '../../server/src/modules/livekit/recent-ids.js';

describe('[LW2] recent webhook ids', () => {
  it('an id is new once within the window, and new again after it (LiveKit drops events older than 30 s)', () => {
    const ids = new RecentIds(60_000);
    expect(ids.firstTime('EV_1', 0)).toBe(true);
    expect(ids.firstTime('EV_1', 59_000)).toBe(false);
    expect(ids.firstTime('EV_2', 59_000)).toBe(true);
    expect(ids.firstTime('EV_1', 61_000)).toBe(true);
  });

  it('a forgotten id (its handling failed) is processed when redelivered', () => {
    const ids = new RecentIds();
    ids.firstTime('EV_1', 0);
    ids.forget('EV_1');
    expect(ids.firstTime('EV_1', 1)).toBe(true);
  });

  it('memory is bounded: past the limit the oldest id is dropped first', () => {
    const ids = new RecentIds(60_000, 2);
    ids.firstTime('a', 0);
    ids.firstTime('b', 1);
    ids.firstTime('c', 2);
    expect(ids.firstTime('b', 3)).toBe(false);
    expect(ids.firstTime('a', 3)).toBe(true);
  });
});
