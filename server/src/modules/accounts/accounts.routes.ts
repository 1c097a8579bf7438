import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { HttpRoutes } from '@hearth/shared';
import { fromTable } from '../../lib/index.js';
import { sendError } from '../../lib/index.js';
import { hashPassword, verifyPassword } from '../../lib/index.js';
import { requireAccount, SIGN_IN_COOKIE, signedInAccount } from '../../plugins/index.js';
import type { Services } from '../../services.js';
import { NO_PASSWORD_YET } from './accounts.repository.js';
import type { SetupToken } from './setup-token.js';

// A real hash to compare against when the email is unknown, so timing does not reveal which emails exist.
const decoyHash = hashPassword('decoy-password-for-timing');

export async function accountsRoutes(app: FastifyInstance, opts: { services: Services; setupToken: SetupToken }) {
  const { accounts, now, config } = opts.services;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const authLimit = { rateLimit: { max: config.authRateLimitPerMinute, timeWindow: '1 minute' } };

  r.route({ ...fromTable(HttpRoutes.setupStatus), handler: async () => ({ needed: (await accounts.count()) === 0 }) });

  r.route({
    ...fromTable(HttpRoutes.setup),
    config: authLimit,
    handler: async (request, reply) => {
      if ((await accounts.count()) > 0) return sendError(reply, 'conflict', 'Hearth is already set up. Please sign in.');
      if (!opts.setupToken.consume(request.body.token)) {
        return sendError(reply, 'not_allowed', 'This setup link is not valid. Use the link printed when Hearth started.');
      }
      const { email, displayName, password } = request.body;
      const account = await accounts.create({ email, displayName, passwordHash: await hashPassword(password) }, now());
      await app.signIn(reply, account.id);
      return reply.code(201).send(account);
    },
  });

  r.route({
    ...fromTable(HttpRoutes.login),
    config: authLimit,
    handler: async (request, reply) => {
      const record = await accounts.findByEmail(request.body.email);
      // An account still waiting for its first password [AC7] is checked against the decoy too: the same time as any other.
      const stored = record && record.passwordHash !== NO_PASSWORD_YET ? record.passwordHash : await decoyHash;
      const matches = (await verifyPassword(request.body.password, stored)) && stored !== (await decoyHash);
      if (!record || !matches) return sendError(reply, 'unauthenticated', 'That email and password do not match an account.');
      // Only after the right password: a stranger learns nothing of which accounts exist or are disabled [AC8].
      if (record.disabledAt !== null) return sendError(reply, 'account_disabled', 'This account has been disabled. Ask the person who runs Hearth.');
      await app.signIn(reply, record.id);
      return { id: record.id, email: record.email, displayName: record.displayName };
    },
  });

  r.route({
    ...fromTable(HttpRoutes.logout),
    handler: async (request, reply) => {
      const token = request.cookies[SIGN_IN_COOKIE];
      if (token) await accounts.endSignIn(token);
      reply.clearCookie(SIGN_IN_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  });

  r.route({ ...fromTable(HttpRoutes.me), onRequest: requireAccount, handler: async (request) => signedInAccount(request) });
}
