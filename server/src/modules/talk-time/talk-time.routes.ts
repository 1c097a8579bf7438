import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { HttpRoutes } from '@hearth/shared';
import { fromTable } from '../../lib/index.js';
import { sendError } from '../../lib/index.js';
import { requireAccount, signedInAccount } from '../../plugins/index.js';
import type { Services } from '../../services.js';
import { facilitatedSession } from '../groups/index.js';

/** How many go-rounds a session held (kept by the rounds module; wired by the app, 0 until then). */
export type RoundsHeld = (sessionId: string) => Promise<number>;

/**
 * [TT9] The after-session talk-time summary: the group's own facilitator only (others: unauthenticated or
 * not_found, as for support records). Members in join order; never a score or a ranking.
 */
export async function talkTimeRoutes(app: FastifyInstance, opts: { services: Services; roundsHeld?: RoundsHeld }) {
  const { services, roundsHeld = async () => 0 } = opts;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.addHook('onRequest', requireAccount);
  r.route({
    ...fromTable(HttpRoutes.sessionTalkTime),
    handler: async (request, reply) => {
      const owned = await facilitatedSession(services, signedInAccount(request), request.params.sessionId);
      if (!owned) return sendError(reply, 'not_found', 'No such session.');
      return services.talkTime.summary(owned.session.id, owned.session.status, await roundsHeld(owned.session.id));
    },
  });
}
