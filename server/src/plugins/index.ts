/**
 * Front door of `plugins`: what routes use of the Fastify plugins (facilitator sign-in).
 */
export { requireAccount, SIGN_IN_COOKIE, signedInAccount } from './auth.js';
