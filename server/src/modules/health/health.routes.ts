import type { FastifyInstance } from 'fastify';
import { HttpRoutes } from '@hearth/shared';
import { fromTable, sendError } from '../../lib/index.js';
import type { Services } from '../../services.js';
import { checkHealth } from './health.js';

/**
 * [ND5] `/api/health` reports what this node can reach (always 200 while it answers at all); `/api/ready`
 * is the load balancer's question "send people here?": 503 `draining` during a graceful stop ([ND3]),
 * 503 `service_unavailable` while the database or Redis cannot be reached.
 */
export async function healthRoutes(app: FastifyInstance, opts: { services: Pick<Services, 'db' | 'redis' | 'node'> }): Promise<void> {
  const { services } = opts;
  app.route({ ...fromTable(HttpRoutes.health), handler: async () => checkHealth(services) });
  app.route({
    ...fromTable(HttpRoutes.ready),
    handler: async (_request, reply) => {
      if (services.node.draining) return sendError(reply, 'draining', 'This node is stopping; connect to another.');
      const health = await checkHealth(services);
      if (health.status !== 'ok') return sendError(reply, 'service_unavailable', 'This node cannot reach its database or Redis.');
      return { ready: true as const };
    },
  });
}
