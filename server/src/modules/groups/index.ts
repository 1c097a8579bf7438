/**
 * Front door of `groups`: groups and their sessions' routes; the ownership policy (a facilitator
 * reaches only their own groups and sessions) that every facilitator route asks.
 */
export { ownedGroup, ownedSession } from './groups.policy.js';
export { type GroupRecord } from './groups.repository.js';
