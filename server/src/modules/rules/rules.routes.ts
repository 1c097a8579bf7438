import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { HttpRoutes } from '@hearth/shared';
import { fromTable } from '../../lib/index.js';
import { sendError } from '../../lib/index.js';
import { newId } from '../../lib/index.js';
import { requireAccount, signedInAccount } from '../../plugins/index.js';
import type { Services } from '../../services.js';
import { facilitatedGroup, hostedGroup } from '../groups/index.js';
import { ruleTemplates } from './rule-templates.js';
import { nextVersion } from './rule-versions.js';

/**
 * Ground rules for the group's facilitator: read every version, save a new one (edit, reorder, add,
 * remove, or adopt a template's text). [GR2] Only the group's facilitators read them and only its host saves
 * (a co-facilitator is told `not_allowed`, CF4): anyone else gets `not_found` (ids cannot be probed); members
 * have no account and so no way in.
 */
export async function rulesRoutes(app: FastifyInstance, opts: { services: Services }) {
  const services = opts.services;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.addHook('onRequest', requireAccount);

  r.route({ ...fromTable(HttpRoutes.groupRules), handler: async (request, reply) => {
    const group = await facilitatedGroup(services, signedInAccount(request), request.params.groupId);
    if (!group) return sendError(reply, 'not_found', 'No such group.');
    return { current: await services.rules.current(group.id), versions: await services.rules.versions(group.id), templates: ruleTemplates };
  } });

  r.route({
    ...fromTable(HttpRoutes.groupRulesVersion),
    handler: async (request, reply) => {
      const group = await facilitatedGroup(services, signedInAccount(request), request.params.groupId);
      const ruleSet = group && (await services.rules.version(group.id, Number(request.params.version)));
      if (!ruleSet) return sendError(reply, 'not_found', 'No such version of the rules.');
      return ruleSet;
    },
  });

  r.route({
    ...fromTable(HttpRoutes.saveGroupRules),
    handler: async (request, reply) => {
      const account = signedInAccount(request);
      const hosted = await hostedGroup(services, account, request.params.groupId);
      if (!hosted.ok) return sendError(reply, hosted.error.code, hosted.error.message);
      const group = hosted.group;
      const outcome = nextVersion(await services.rules.current(group.id), request.body, group.id, services.now(), newId);
      if (outcome.kind === 'conflict') return sendError(reply, 'conflict', 'The rules were changed elsewhere. Reload them to see the latest version.');
      if (outcome.kind === 'unchanged') return reply.code(200).send(outcome.ruleSet);
      if (!(await services.rules.add(outcome.ruleSet, account.id))) {
        return sendError(reply, 'conflict', 'The rules were changed elsewhere. Reload them to see the latest version.');
      }
      return reply.code(201).send(outcome.ruleSet);
    },
  });
}
