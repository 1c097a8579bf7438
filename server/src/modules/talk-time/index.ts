/**
 * Front door of `talk-time`: the server's authority over talk time (TT1-TT9). Pure: intervals, clamp,
 * aggregate, ledger. TalkTimeService keeps the live ledgers (fed by the room registry and talk:report);
 * other modules read it only as a SpokenTimeSource; who receives the figures is talk-stats-publisher.ts.
 */
export { balance, countTurns, fairShares, talkFigures, type TalkFigures } from './aggregate.js';
export { clampReport } from './clamp.js';
export { intersect, merge, subtract, totalMs, type Interval } from './intervals.js';
export { type SpokenTimeSource } from './spoken-time.js';
export { type TalkTimeService } from './talk-time.service.js';
