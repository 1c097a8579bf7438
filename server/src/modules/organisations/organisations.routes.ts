import type { FastifyInstance } from 'fastify';
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

  r.route({ ...fromTable(HttpRoutes.listOrganisations), handler: async (request) => services.organisations.listForAccount(signedInAccount(request).id) });

  r.route({
    ...fromTable(HttpRoutes.createOrganisation),
    handler: async (request, reply) => reply.code(201).send(await services.organisations.create(request.body.name, signedInAccount(request).id, services.now())),
  });

  r.route({
    ...fromTable(HttpRoutes.organisationMembers),
    handler: async (request, reply) => {
      const admin = await administeredOrganisation(services, signedInAccount(request), request.params.organisationId);
      if (!admin.ok) return sendError(reply, admin.error.code, admin.error.message);
      return services.organisations.members(admin.organisationId);
    },
  });

  r.route({
    ...fromTable(HttpRoutes.addOrganisationMember),
    handler: async (request, reply) => {
      const account = signedInAccount(request);
      const admin = await administeredOrganisation(services, account, request.params.organisationId);
      if (!admin.ok) return sendError(reply, admin.error.code, admin.error.message);
      const added = await services.accounts.findByEmail(request.body.email);
      if (!added) return sendError(reply, 'not_found', 'No account has that email. Invite them as a facilitator first.');
      // An organisation always keeps an administrator: the last one cannot make themselves a member.
      if (added.id === account.id && request.body.role !== 'admin' && (await services.organisations.countAdmins(admin.organisationId)) <= 1) {
        return sendError(reply, 'conflict', 'You are its only administrator. Make someone else an administrator first.');
      }
      await services.organisations.setMember(admin.organisationId, added.id, request.body.role, services.now());
      return { accountId: added.id, displayName: added.displayName, email: added.email, role: request.body.role };
    },
  });

  r.route({
    ...fromTable(HttpRoutes.organisationContacts),
    handler: async (request, reply) => {
      const admin = await administeredOrganisation(services, signedInAccount(request), request.params.organisationId);
      if (!admin.ok) return sendError(reply, admin.error.code, admin.error.message);
      return services.organisations.contacts(admin.organisationId);
    },
  });

  r.route({
    ...fromTable(HttpRoutes.addOrganisationContact),
    handler: async (request, reply) => {
      const admin = await administeredOrganisation(services, signedInAccount(request), request.params.organisationId);
      if (!admin.ok) return sendError(reply, admin.error.code, admin.error.message);
      return reply.code(201).send(await services.organisations.addContact(admin.organisationId, request.body, services.now()));
    },
  });

  r.route({
    ...fromTable(HttpRoutes.organisationGroups),
    handler: async (request, reply) => {
      const admin = await administeredOrganisation(services, signedInAccount(request), request.params.organisationId);
      if (!admin.ok) return sendError(reply, admin.error.code, admin.error.message);
      return services.organisations.groups(admin.organisationId);
    },
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
