import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { HttpRoutes } from '@hearth/shared';
import { fromTable, sendError } from '../../lib/index.js';
import { requireAccount, signedInAccount } from '../../plugins/index.js';
import type { Services } from '../../services.js';
import { hostedGroup, publicGroup } from '../groups/index.js';
import { administeredOrganisation, organisationNotFound } from './organisations.policy.js';

/**
 * [OR1]-[OR5] Organisations: an account's own list, creating one, its accounts and contacts (administrators only),
 * what its administrators see of its groups, and a group's host putting the group under one of their
 * organisations. Thin: the rules are in the policy and the repository.
 */
export async function organisationsRoutes(app: FastifyInstance, opts: { services: Services }) {
  const services = opts.services;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.addHook('onRequest', requireAccount);

  // [OR2] One door for every route of one organisation: its administrators pass, anyone else is refused here.
  const adminOnly = {
    preHandler: async (request: FastifyRequest, reply: FastifyReply) => {
      const { organisationId } = request.params as { organisationId: string };
      const admin = await administeredOrganisation(services, signedInAccount(request), organisationId);
      if (!admin.ok) await sendError(reply, admin.error.code, admin.error.message);
    },
  };

  r.route({ ...fromTable(HttpRoutes.listOrganisations), handler: async (request) => services.organisations.listForAccount(signedInAccount(request).id) });

  r.route({
    ...fromTable(HttpRoutes.createOrganisation),
    handler: async (request, reply) => reply.code(201).send(await services.organisations.create(request.body.name, signedInAccount(request).id, services.now())),
  });

  r.route({
    ...fromTable(HttpRoutes.organisationMembers),
    ...adminOnly,
    handler: async (request) => services.organisations.members(request.params.organisationId),
  });

  r.route({
    ...fromTable(HttpRoutes.addOrganisationMember),
    ...adminOnly,
    handler: async (request, reply) => {
      const account = signedInAccount(request);
      const organisationId = request.params.organisationId;
      const added = await services.accounts.findByEmail(request.body.email);
      if (!added) return sendError(reply, 'not_found', 'No account has that email. Invite them as a facilitator first.');
      // An organisation always keeps an administrator: the last one cannot make themselves a member.
      if (added.id === account.id && request.body.role !== 'admin' && (await services.organisations.countAdmins(organisationId)) <= 1) {
        return sendError(reply, 'conflict', 'You are its only administrator. Make someone else an administrator first.');
      }
      await services.organisations.setMember(organisationId, added.id, request.body.role, services.now());
      return { accountId: added.id, displayName: added.displayName, email: added.email, role: request.body.role };
    },
  });

  r.route({
    ...fromTable(HttpRoutes.organisationContacts),
    ...adminOnly,
    handler: async (request) => services.organisations.contacts(request.params.organisationId),
  });

  r.route({
    ...fromTable(HttpRoutes.addOrganisationContact),
    ...adminOnly,
    handler: async (request, reply) => reply.code(201).send(await services.organisations.addContact(request.params.organisationId, request.body, services.now())),
  });

  r.route({
    ...fromTable(HttpRoutes.organisationGroups),
    ...adminOnly,
    handler: async (request) => services.organisations.groups(request.params.organisationId),
  });

  r.route({
    ...fromTable(HttpRoutes.setGroupOrganisation),
    handler: async (request, reply) => {
      const account = signedInAccount(request);
      const hosted = await hostedGroup(services, account, request.params.groupId);
      if (!hosted.ok) return sendError(reply, hosted.error.code, hosted.error.message);
      const { organisationId } = request.body;
      // [OR4] Only under an organisation the host belongs to: any other does not exist for them.
      if (organisationId !== null && !(await services.organisations.roleOf(organisationId, account.id))) {
        return sendError(reply, organisationNotFound.code, organisationNotFound.message);
      }
      await services.groups.setHostOrganisation(hosted.group.id, organisationId);
      return publicGroup({ ...hosted.group, hostOrganisationId: organisationId });
    },
  });
}
