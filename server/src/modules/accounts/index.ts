/**
 * Front door of `accounts`: facilitators' accounts, the one-time setup link and sign-in/sign-out
 * (passwords hashed with scrypt, sign-in tokens stored hashed), and keeping them [AC5]-[AC8]: one-time reset
 * links (hash only), "sign out everywhere" (a per-account session generation every sign-in is checked against),
 * disabled accounts, and the operator's commands (cli/); facilitator invites [CF1] [CF2] (one-time links, hash
 * only, that make another facilitator's account). Nobody else imports it; the sign-in check
 * routes use is plugins/auth.ts.
 */
export { type AccountRecord, type AccountsRepository } from './accounts.repository.js';
export { accountCommand, resetLinkCommand, type CommandOutcome } from './operator-commands.js';
