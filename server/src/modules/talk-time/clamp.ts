import type { TalkReport } from '@hearth/shared';
import { intersect, merge, subtract, type Interval } from './intervals.js';

/**
 * [TT1] What the server credits from one `talk:report`. The client's intervals are offsets back from
 * the moment it sent the report; the server places them on its own clock at `receivedAt` (a report's
 * network delay shifts it slightly later, never into the future). Then it keeps only speech that:
 * - lies in the past: nothing after `receivedAt` (an offset cannot be negative, and an open interval
 *   is credited up to the receipt only; the next report carries on from there);
 * - reaches back at most MAX_REACH_BACK_MS (the schema's limit; absurd offsets are refused there);
 * - falls while the speaker was audible as the room knows it: admitted to the room, microphone on and
 *   not muted by a facilitator (`audible`, built from the room registry's history; so nothing before
 *   they joined, nothing while server-muted or self-muted, and a report covering a mute loses the part
 *   the mute covered);
 * - is not already credited to this person (`credited`): a resent or overlapping report adds nothing.
 * Overlap between different people is not clamped: each speaker is credited (TT2).
 */
export const MAX_REACH_BACK_MS = 120_000;

export interface ClampInput {
  report: TalkReport;
  receivedAt: number;
  /** When this person could be heard (merged; an open period closed at `receivedAt`). */
  audible: readonly Interval[];
  /** What is already credited to this person this session (merged). */
  credited: readonly Interval[];
}

/** The report's intervals on the server clock, before any clamping (inverted ones dropped). */
export function placeReport(report: TalkReport, receivedAt: number): Interval[] {
  const placed: Interval[] = report.intervals.map(({ startAgoMs, endAgoMs }) => [receivedAt - startAgoMs, receivedAt - endAgoMs]);
  if (report.speakingForMs !== undefined) placed.push([receivedAt - report.speakingForMs, receivedAt]);
  return merge(placed);
}

/** The newly credited pieces (merged, disjoint from `credited`). */
export function clampReport({ report, receivedAt, audible, credited }: ClampInput): Interval[] {
  const window: Interval[] = [[receivedAt - MAX_REACH_BACK_MS, receivedAt]];
  const placed = intersect(placeReport(report, receivedAt), window);
  return subtract(intersect(placed, merge(audible)), credited);
}
