/**
 * Front door of `accounts`: facilitators' accounts, the one-time setup link and sign-in/sign-out
 * (passwords hashed with scrypt, sign-in tokens stored hashed). Nobody else imports it; the sign-in check
 * routes use is plugins/auth.ts.
 */
export { type AccountRecord, type AccountsRepository } from './accounts.repository.js';
