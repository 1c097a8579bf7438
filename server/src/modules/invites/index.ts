/**
 * Front door of `invites`: invite links (create, list, revoke), their status (pure) and the public
 * join routes (preview, redeem). What of a link may be shown publicly.
 */
export { publicInvite } from './invites.repository.js';
