/**
 * Front door of `retention`: the one sweep that applies the group's records retention to every table that names
 * someone or records what they did (docs/retention.md). Support records and talk-time figures are deleted
 * [DS11] [TT9]; the rest is deleted or kept without the person (pseudonyms [RT2]). It only ever touches ended
 * sessions past their retention [RT4], and logs counts, never names.
 */
export { EXPIRED_SESSION_TITLE, purgeExpiredRecords, RESET_LINK_KEPT_MS, RetentionScheduler, type SweepCounts } from './retention-sweep.js';
export { pseudonymsFor, type PseudonymSubject } from './pseudonyms.js';
