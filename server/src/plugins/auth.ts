import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Account } from '@hearth/shared';
import { sendError } from '../lib/index.js';
import type { Services } from '../services.js';

export const SIGN_IN_COOKIE = 'hearth_session';

declare module 'fastify' {
  interface FastifyRequest {
    account: Account | null;
    /** [AC8] Set when the cookie belongs to a disabled account, so facilitator routes say so. */
    accountDisabled: boolean;
  }
}

/**
 * Facilitator sign-in: an opaque random token in an HttpOnly, SameSite=Strict cookie, stored hashed in
 * `auth_sessions` so signing out (or deleting the row) revokes it at once. [AC6] A sign-in from before the account's
 * last "sign out everywhere" or password reset counts as none; [AC8] a disabled account's is refused.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { services: Pick<Services, 'accounts' | 'now' | 'config'> }) => {
  const { accounts, now, config } = opts.services;
  await app.register(cookie);
  app.decorateRequest('account', null);
  app.decorateRequest('accountDisabled', false);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SIGN_IN_COOKIE];
    const check = token ? await accounts.accountForSignIn(token, now()) : undefined;
    request.account = check?.ok ? check.account : null;
    request.accountDisabled = check?.ok === false;
  });

  app.decorate('signIn', async (reply: FastifyReply, accountId: string) => {
    const { token, expiresAt } = await accounts.startSignIn(accountId, now());
    reply.setCookie(SIGN_IN_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: config.secureCookies,
      path: '/',
      expires: new Date(expiresAt),
    });
  });
});

declare module 'fastify' {
  interface FastifyInstance {
    signIn(reply: FastifyReply, accountId: string): Promise<void>;
  }
}

/** onRequest hook for facilitator routes: runs before the body is parsed, so strangers learn nothing of our schemas. */
export async function requireAccount(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.accountDisabled) await sendError(reply, 'account_disabled', 'This account has been disabled. Ask the person who runs Hearth.');
  else if (!request.account) await sendError(reply, 'unauthenticated', 'Please sign in.');
}

export function signedInAccount(request: FastifyRequest): Account {
  if (!request.account) throw new Error('requireAccount must run before this handler');
  return request.account;
}
