/**
 * Front door of `lib`: helpers with no knowledge of the domain: ids, tokens and hashes, HTTP error
 * codes, rate budgets, TURN credentials.
 */
export { joinLinkBudget, roomCredentialBudget } from './credential-rate-limit.js';
export { sendError } from './http-errors.js';
export { type Budget, RateBudget } from './rate-budget.js';
export { hashPassword, hashToken, newId, newMediaKey, newToken, verifyPassword } from './secrets.js';
export { fromTable } from './http-route.js';
export { iceServersFor, mintTurnCredential, type TurnCredential, type TurnSettings } from './turn-credentials.js';
