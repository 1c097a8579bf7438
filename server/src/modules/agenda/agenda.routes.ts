import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { HttpRoutes } from '@hearth/shared';
import { fromTable } from '../../lib/index.js';
import { sendError } from '../../lib/index.js';
import { newId } from '../../lib/index.js';
import { requireAccount, signedInAccount } from '../../plugins/index.js';
import type { Services } from '../../services.js';
import { facilitatedGroup, hostedGroup } from '../groups/index.js';
import { defaultPhases, phasesFromSave } from './agenda.js';

/**
 * A group's agenda, for the group's facilitators only [AG2] (saved by its host, CF4): anyone else gets
 * `not_found` (ids cannot be probed); members have no account and so no way in. Saving replaces the whole ordered list.
 */
export async function agendaRoutes(app: FastifyInstance, opts: { services: Services }) {
  const services = opts.services;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.addHook('onRequest', requireAccount);

  r.route({
    ...fromTable(HttpRoutes.groupAgenda),
    handler: async (request, reply) => {
      const group = await facilitatedGroup(services, signedInAccount(request), request.params.groupId);
      if (!group) return sendError(reply, 'not_found', 'No such group.');
      const saved = await services.agenda.find(group.id);
      return saved ? { phases: saved.phases, saved: true, updatedAt: saved.updatedAt } : { phases: [...defaultPhases], saved: false, updatedAt: null };
    },
  });

  r.route({
    ...fromTable(HttpRoutes.saveGroupAgenda),
    handler: async (request, reply) => {
      const account = signedInAccount(request);
      const hosted = await hostedGroup(services, account, request.params.groupId);
      if (!hosted.ok) return sendError(reply, hosted.error.code, hosted.error.message);
      const group = hosted.group;
      const current = (await services.agenda.find(group.id))?.phases ?? defaultPhases;
      const phases = phasesFromSave(current, request.body, newId);
      const now = services.now();
      await services.agenda.save(group.id, phases, account.id, now);
      return { phases, saved: true, updatedAt: now };
    },
  });
}
