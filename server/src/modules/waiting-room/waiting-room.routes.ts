import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { ErrorBodySchema, GroupWelcomeSchema, IdSchema } from '@hearth/shared';
import { sendError } from '../../lib/index.js';
import { requireAccount, signedInAccount } from '../../plugins/index.js';
import type { Services } from '../../services.js';
import { ownedGroup } from '../groups/index.js';

/** The group's waiting-room welcome text, read and set by the facilitator who owns the group. */
export async function waitingRoomRoutes(app: FastifyInstance, opts: { services: Services }) {
  const services = opts.services;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.addHook('onRequest', requireAccount);
  const GroupParams = Type.Object({ groupId: IdSchema });

  r.get(
    '/api/groups/:groupId/welcome',
    { schema: { params: GroupParams, response: { 200: GroupWelcomeSchema, '4xx': ErrorBodySchema } } },
    async (request, reply) => {
      const group = await ownedGroup(services, signedInAccount(request), request.params.groupId);
      if (!group) return sendError(reply, 'not_found', 'No such group.');
      return { welcomeText: await services.moderation.welcomeText(group.id) };
    },
  );

  r.put(
    '/api/groups/:groupId/welcome',
    { schema: { params: GroupParams, body: GroupWelcomeSchema, response: { 200: GroupWelcomeSchema, '4xx': ErrorBodySchema } } },
    async (request, reply) => {
      const group = await ownedGroup(services, signedInAccount(request), request.params.groupId);
      if (!group) return sendError(reply, 'not_found', 'No such group.');
      await services.moderation.saveWelcomeText(group.id, request.body.welcomeText, services.now());
      return { welcomeText: await services.moderation.welcomeText(group.id) };
    },
  );
}
