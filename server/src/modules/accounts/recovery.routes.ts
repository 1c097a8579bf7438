import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { HttpRoutes, PagePaths } from '@hearth/shared';
import { fromTable, hashPassword, hashToken, sendError } from '../../lib/index.js';
import { requireAccount, SIGN_IN_COOKIE, signedInAccount } from '../../plugins/index.js';
import type { Services } from '../../services.js';
import { sendInBackground, smtpResetMailer, type ResetMailer } from './reset-mail.js';

const REFUSALS = {
  reset_link_invalid: 'This reset link is not valid. Check it was copied whole, or ask for a new one.',
  reset_link_expired: 'This reset link has expired. Ask for a new one.',
  reset_link_used: 'This reset link has already been used. Sign in with your new password, or ask for a new link.',
  account_disabled: 'This account has been disabled. Ask the person who runs Hearth.',
} as const;

/** [AC5] The page a one-time link opens: the token in the fragment, which browsers never send to a server. */
export function resetLinkFor(publicUrl: string, token: string): string {
  return `${publicUrl}${PagePaths.resetPassword}#token=${token}`;
}

/**
 * [AC5] [AC6] Forgot password, reset password, sign out everywhere. Thin: the rules are in the repositories
 * (password-resets.repository.ts, accounts.repository.ts).
 */
export async function recoveryRoutes(app: FastifyInstance, opts: { services: Services; mailer?: ResetMailer | null }) {
  const { accounts, passwordResets, now, config } = opts.services;
  const mailer = opts.mailer !== undefined ? opts.mailer : config.smtp && smtpResetMailer(config.smtp);
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const authLimit = { rateLimit: { max: config.authRateLimitPerMinute, timeWindow: '1 minute' } };

  r.route({
    ...fromTable(HttpRoutes.forgotPassword),
    config: authLimit,
    handler: async (request, reply) => {
      const record = await accounts.findByEmail(request.body.email);
      if (record && record.disabledAt === null && mailer) {
        const token = await passwordResets.issue(record.id, now());
        sendInBackground(mailer, request.log, record.email, resetLinkFor(config.publicUrl, token));
      } else {
        // Roughly the work of the other branch, so the answer's timing says nothing either.
        hashToken(request.body.email);
      }
      // The same answer in every case: nothing here tells whether the email has an account [AC5].
      return reply.code(204).send(null);
    },
  });

  r.route({
    ...fromTable(HttpRoutes.resetPassword),
    config: authLimit,
    handler: async (request, reply) => {
      const outcome = await passwordResets.complete(request.body.token, await hashPassword(request.body.password), now());
      if (!outcome.ok) return sendError(reply, outcome.code, REFUSALS[outcome.code]);
      // Whoever was signed in here is signed out too: the reset ended every sign-in of the account [AC6].
      reply.clearCookie(SIGN_IN_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  });

  r.route({
    ...fromTable(HttpRoutes.signOutEverywhere),
    config: authLimit,
    onRequest: requireAccount,
    handler: async (request, reply) => {
      await accounts.signOutEverywhere(signedInAccount(request).id);
      reply.clearCookie(SIGN_IN_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  });
}
