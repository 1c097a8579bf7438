import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { HttpRoutes, PagePaths } from '@hearth/shared';
import { fromTable, hashPassword, sendError } from '../../lib/index.js';
import { requireAccount, signedInAccount } from '../../plugins/index.js';
import type { Services } from '../../services.js';

const REFUSALS = {
  invite_invalid: 'This invite link is not valid. Check it was copied whole, or ask for a new one.',
  invite_expired: 'This invite link has expired. Ask the person who invited you for a new one.',
  invite_revoked: 'This invite link was withdrawn. Ask the person who invited you for a new one.',
  invite_used_up: 'This invite link has already been used. Sign in with the password you chose.',
  conflict: 'An account with this email already exists. Sign in, or use "Forgot password".',
} as const;

/** [CF1] The page a facilitator invite opens: the token in the fragment, which browsers never send to a server. */
export function facilitatorInviteLinkFor(publicUrl: string, token: string): string {
  return `${publicUrl}${PagePaths.acceptInvite}#token=${token}`;
}

/** [CF1] [CF2] Inviting another facilitator and accepting. Thin: the rules are in facilitator-invites.repository.ts. */
export async function facilitatorInvitesRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { accounts, facilitatorInvites, now, config } = opts.services;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const authLimit = { rateLimit: { max: config.authRateLimitPerMinute, timeWindow: '1 minute' } };

  r.route({
    ...fromTable(HttpRoutes.listFacilitatorInvites),
    onRequest: requireAccount,
    handler: async (request) => facilitatorInvites.listBy(signedInAccount(request).id, now()),
  });

  r.route({
    ...fromTable(HttpRoutes.createFacilitatorInvite),
    config: authLimit,
    onRequest: requireAccount,
    handler: async (request, reply) => {
      // Told now, not when the invitee finds the link useless: the email is each account's sign-in name.
      if (await accounts.findByEmail(request.body.email)) {
        return sendError(reply, 'conflict', 'That email already has an account. Add them to a group as a co-facilitator instead.');
      }
      const { invite, token } = await facilitatorInvites.issue(signedInAccount(request).id, request.body.email, now());
      return reply.code(201).send({ invite, link: facilitatorInviteLinkFor(config.publicUrl, token) });
    },
  });

  r.route({
    ...fromTable(HttpRoutes.revokeFacilitatorInvite),
    onRequest: requireAccount,
    handler: async (request, reply) => {
      const invite = await facilitatorInvites.revoke(request.params.facilitatorInviteId, signedInAccount(request).id, now());
      // Another account's invite does not exist for this one [CF4].
      if (!invite) return sendError(reply, 'not_found', 'No such invite.');
      return invite;
    },
  });

  r.route({
    ...fromTable(HttpRoutes.acceptFacilitatorInvite),
    config: authLimit,
    handler: async (request, reply) => {
      const { token, displayName, password } = request.body;
      const outcome = await facilitatorInvites.accept(token, { displayName, passwordHash: await hashPassword(password) }, now());
      if (!outcome.ok) return sendError(reply, outcome.code, REFUSALS[outcome.code]);
      await app.signIn(reply, outcome.account.id);
      return reply.code(201).send(outcome.account);
    },
  });
}
