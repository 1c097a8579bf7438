/**
 * Front door of `rules`: ground rules. Versions are append-only (rule-versions.ts, rule-diff.ts pure),
 * consent (consent.ts pure) is a gate of the pre-join routes and of room:join [GR5]; spotlight, asks to
 * revisit and proposals (proposals.ts pure; kept in memory per session) in the room.
 */
export { canConsentTo, consentRequired } from './consent.js';
export { diffRuleSets } from './rule-diff.js';
export { nextVersion, type NextVersion } from './rule-versions.js';
export { ProposalBoard } from './proposals.js';
