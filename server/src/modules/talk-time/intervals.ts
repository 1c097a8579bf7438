/**
 * Half-open time intervals [start, end) on the server's clock (epoch ms), and the little set algebra the
 * talk-time rules need. Every function takes and returns sorted, non-overlapping lists ("merged"), so
 * results can be fed back in; nothing here reads a clock.
 */
export type Interval = readonly [start: number, end: number];

/** Sorts, drops empty or inverted intervals, and joins those that overlap or touch. */
export function merge(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** The parts of `a` that are also in `b` (both merged). */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i]![0], b[j]![0]);
    const e = Math.min(a[i]![1], b[j]![1]);
    if (e > s) out.push([s, e]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}

/** The parts of `a` not in `b` (both merged). */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const [start, end] of a) {
    let s = start;
    for (const [bs, be] of b) {
      if (be <= s) continue;
      if (bs >= end) break;
      if (bs > s) out.push([s, bs]);
      s = Math.max(s, be);
      if (s >= end) break;
    }
    if (s < end) out.push([s, end]);
  }
  return out;
}

export function totalMs(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, [s, e]) => sum + (e - s), 0);
}

/** Closes an open period (`since`, still running) at `at`, after the closed ones. */
export function withOpen(closed: readonly Interval[], since: number | null, at: number): Interval[] {
  return since === null || at <= since ? [...closed] : merge([...closed, [since, at]]);
}
