import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { HttpRoutes, type ErrorCode, type Session } from '@hearth/shared';
import { fromTable } from '../../lib/index.js';
import { joinLinkBudget } from '../../lib/index.js';
import { sendError } from '../../lib/index.js';
import type { Services } from '../../services.js';
import { inviteRefusal } from './invite-status.js';
import { linkRefusal } from '../waiting-room/index.js';
import type { GroupRecord } from '../groups/index.js';
import type { InviteRecord } from './invites.repository.js';
import { staffNameMessage, takesStaffName } from '../participants/index.js';
import { observationOff } from '../participants/index.js';

/** Public routes for someone holding an invite link: no account needed, rate limited. */
export async function joinRoutes(app: FastifyInstance, opts: { services: Services }) {
  const services = opts.services;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const config = joinLinkBudget(services.config.authRateLimitPerMinute * 3);

  /** Finds the link and its session, or explains in plain words why it cannot be used. */
  async function usableInvite(token: string): Promise<
    { ok: false; error: { code: ErrorCode; message: string } } | { ok: true; invite: InviteRecord; session: Session; group: GroupRecord }
  > {
    const now = services.now();
    const invite = await services.invites.findByToken(token, now);
    if (!invite) return { ok: false, error: { code: 'invite_invalid', message: 'This invite link is not valid. Please check it with your facilitator.' } };
    const session = await services.sessions.find(invite.sessionId);
    if (!session || session.status === 'ended') return { ok: false, error: { code: 'session_ended', message: 'This session has ended.' } };
    // [MD15] [MD12] A banned person's link, or a member link while the session is locked.
    const refusal = await linkRefusal(services, invite);
    if (refusal) return { ok: false, error: refusal };
    const group = await services.groups.find(session.groupId);
    if (!group) return { ok: false, error: { code: 'invite_invalid', message: 'This invite link is not valid.' } };
    // [SV6] Before the link's own state, so a supervisor who used their link hears why they cannot come back.
    if (invite.role === 'supervisor' && !group.observationAllowed) return { ok: false, error: observationOff };
    if (invite.status !== 'active') return { ok: false, error: inviteRefusal[invite.status] };
    return { ok: true, invite, session, group };
  }

  r.route({
    ...fromTable(HttpRoutes.invitePreview),
    config,
    handler: async (request, reply) => {
      const found = await usableInvite(request.params.token);
      if (!found.ok) return sendError(reply, found.error.code, found.error.message);
      return {
        groupName: found.group.name,
        groupPurpose: found.group.purpose,
        sessionTitle: found.session.title,
        role: found.invite.role,
        asksOrganisation: found.group.organisation === null,
        observationAllowed: found.group.observationAllowed,
        // [TN3] For the pre-join connection check; a holder of a usable link only, each preview its own credential.
        iceServers: services.iceServers(),
      };
    },
  });

  r.route({
    ...fromTable(HttpRoutes.redeemInvite),
    config,
    handler: async (request, reply) => {
      const found = await usableInvite(request.params.token);
      if (!found.ok) return sendError(reply, found.error.code, found.error.message);
      // [RM8] Checked before a use of the link is taken, so choosing another name costs nothing.
      if (takesStaffName(found.invite.role, request.body.displayName, await services.participants.staffNames(found.session.id))) {
        return sendError(reply, 'invalid_payload', staffNameMessage);
      }
      const credential = await redeem(services, found.invite, request.body);
      if (!credential) return sendError(reply, 'invite_used_up', inviteRefusal.used_up.message);
      return reply.code(201).send({ token: credential.token, sessionId: found.session.id, participantId: credential.id });
    },
  });
}

/** Takes a use of the link and creates the participant in one transaction, so a use is never lost or doubled. */
async function redeem(services: Services, invite: InviteRecord, body: { displayName: string; organisation?: string | undefined }) {
  const now = services.now();
  return services.db.transaction().execute(async (trx) => {
    if (!(await services.invites.takeUse(invite.id, now, trx))) return undefined;
    return services.participants.create(
      { sessionId: invite.sessionId, role: invite.role, displayName: body.displayName, organisation: body.organisation ?? null, inviteId: invite.id, accountId: null },
      now,
      trx,
    );
  });
}
