import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { HttpRoutes } from '@hearth/shared';
import { fromTable, newMediaKey } from '../../lib/index.js';
import { MediaGatewayError } from '../rooms/index.js';
import { webhookUrlRefusal } from '../distress/index.js';
import { sendError } from '../../lib/index.js';
import { requireAccount, signedInAccount } from '../../plugins/index.js';
import type { Services } from '../../services.js';
import { facilitatedGroup, hostedGroup } from './groups.policy.js';
import { publicGroup } from './groups.repository.js';

export async function groupsRoutes(app: FastifyInstance, opts: { services: Services }) {
  const services = opts.services;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.addHook('onRequest', requireAccount);

  r.route({
    ...fromTable(HttpRoutes.listGroups),
    handler: async (request) => {
      const groups = await services.groups.listForAccount(signedInAccount(request).id);
      return groups.map(publicGroup);
    },
  });

  r.route({
    ...fromTable(HttpRoutes.createGroup),
    handler: async (request, reply) => {
      const group = await services.groups.create(signedInAccount(request).id, request.body, services.now());
      return reply.code(201).send(publicGroup({ ...group, yourRole: 'host' }));
    },
  });

  r.route({
    ...fromTable(HttpRoutes.updateGroupSupport),
    handler: async (request, reply) => {
      const hosted = await hostedGroup(services, signedInAccount(request), request.params.groupId);
      if (!hosted.ok) return sendError(reply, hosted.error.code, hosted.error.message);
      const group = hosted.group;
      // [OC4] Refused when saved, so the facilitator hears why now rather than the report silently not going.
      const hook = request.body.oncallWebhook;
      const refusal = hook ? webhookUrlRefusal(hook.url, services.config.oncallWebhookAllowHosts) : undefined;
      if (refusal) return sendError(reply, 'invalid_payload', refusal);
      await services.groups.updateSupport(group.id, request.body);
      const updated = await services.groups.find(group.id);
      return publicGroup({ ...(updated ?? group), yourRole: group.yourRole });
    },
  });

  r.route({
    ...fromTable(HttpRoutes.setGroupObservation),
    handler: async (request, reply) => {
      const hosted = await hostedGroup(services, signedInAccount(request), request.params.groupId);
      if (!hosted.ok) return sendError(reply, hosted.error.code, hosted.error.message);
      const group = hosted.group;
      // [SV6] Saved first, so from this moment no supervisor credential, link or token admits anyone;
      // then any supervisor in a live session is taken out, told why.
      await services.groups.setObservation(group.id, request.body.allowed);
      if (!request.body.allowed) {
        const live = (await services.sessions.listForGroup(group.id)).filter((session) => session.status === 'live');
        try {
          for (const session of live) await services.roomControl.dismissObservers(session.id);
        } catch (err) {
          if (!(err instanceof MediaGatewayError)) throw err;
          return sendError(reply, 'media_unavailable', 'Observation is off, but LiveKit did not confirm the observer left the media room. Please try again.');
        }
      }
      const updated = await services.groups.find(group.id);
      return publicGroup({ ...(updated ?? group), yourRole: group.yourRole });
    },
  });

  r.route({
    ...fromTable(HttpRoutes.listSessions),
    handler: async (request, reply) => {
      const group = await facilitatedGroup(services, signedInAccount(request), request.params.groupId);
      if (!group) return sendError(reply, 'not_found', 'No such group.');
      return services.sessions.listForGroup(group.id);
    },
  });

  r.route({
    ...fromTable(HttpRoutes.setGroupMediaEncryption),
    handler: async (request, reply) => {
      const hosted = await hostedGroup(services, signedInAccount(request), request.params.groupId);
      if (!hosted.ok) return sendError(reply, hosted.error.code, hosted.error.message);
      const group = hosted.group;
      // [LE1] Sessions started from now on: a live session keeps the media it began with, so everyone in
      // one room always holds the same key (or none).
      await services.groups.setMediaEncryption(group.id, request.body.enabled);
      const updated = await services.groups.find(group.id);
      return publicGroup({ ...(updated ?? group), yourRole: group.yourRole });
    },
  });

  r.route({
    ...fromTable(HttpRoutes.startSession),
    handler: async (request, reply) => {
      const group = await facilitatedGroup(services, signedInAccount(request), request.params.groupId);
      if (!group) return sendError(reply, 'not_found', 'No such group.');
      const now = services.now();
      const title = request.body.title?.trim() ?? `${group.name}, ${new Date(now).toISOString().slice(0, 10)}`;
      // [LE1] The session's media key is drawn now, when its group encrypts media; it never leaves the server
      // except in the room:join answers of people admitted to the room.
      const mediaKey = group.mediaEncryption ? newMediaKey() : null;
      return reply.code(201).send(await services.sessions.start(group.id, title, now, mediaKey));
    },
  });
}
