import type { FastifyBaseLogger } from 'fastify';
import { fail, ok, Role } from '@hearth/shared';
import { onCommand, participantChannel, staffChannel } from '../../realtime/index.js';
import type { HearthServer, HearthSocket } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import { act, reportToOncall } from './cases.js';

/**
 * The private distress channel. Invariants, tested by id (docs/spec.md):
 * - [DS1] a case is stored before the member's client is told it was received;
 * - [DS2] cases reach facilitators and co-facilitators of the same session only, never members;
 * - [DS3] open cases are delivered again to every facilitator who (re)joins, and survive a crash;
 * - [DS4] the member who raised it hears back only that a facilitator has seen it;
 * - [DS5] state changes follow case-state.ts, first come first served;
 * - notes and names never go to the log.
 */
export function registerDistressHandlers(io: HearthServer, socket: HearthSocket, services: Pick<Services, 'distress' | 'groups' | 'now' | 'oncall' | 'rooms' | 'sessions'>, log: FastifyBaseLogger): void {
  const self = socket.data.identity;
  /**
   * [DS2] [SV4] [ND4] The session's staff on every node (the staff channel, which no member's socket is
   * in), leaving out a person (all their connections) and/or one connection.
   */
  const toStaff = (except: { participantId?: string; connectionId?: string } = {}) => {
    const left = [except.participantId && participantChannel(except.participantId), except.connectionId].filter((room): room is string => Boolean(room));
    return io.to(staffChannel(self.sessionId)).except(left);
  };

  onCommand(socket, log, 'distress:raise', async ({ level, note }) => {
    const alert = await services.distress.raise(
      { sessionId: self.sessionId, participantId: self.participantId, level, note: note?.trim() || null },
      services.now(),
    );
    toStaff({ participantId: self.participantId }).emit('distress:alert', alert);
    const session = await services.sessions.find(self.sessionId);
    const group = session && (await services.groups.find(session.groupId));
    return ok({ alertId: alert.id, raisedAt: alert.raisedAt, crisisResources: group?.crisisResources ?? null });
  });

  onCommand(socket, log, 'distress:amend', async ({ alertId, level, note }) => {
    const trimmed = note?.trim();
    const change = { ...(level ? { level } : {}), ...(trimmed ? { note: trimmed } : {}) };
    if (Object.keys(change).length === 0) return fail('invalid_payload', 'Choose how you are or write a note.');
    if (!(await services.distress.amend(self.sessionId, alertId, self.participantId, change))) {
      // Someone else's, a facilitator's case, or closed: the same answer, so nothing is learnt about other requests.
      return fail('not_found', 'That request is closed or not yours. You can ask for support again.');
    }
    const alert = await services.distress.find(self.sessionId, alertId);
    if (alert) toStaff({ participantId: self.participantId }).emit('distress:updated', alert);
    return ok({ alertId });
  });

  onCommand(socket, log, 'distress:acknowledge', async ({ alertId }) => {
    const outcome = await act(services, self.sessionId, self.participantId, alertId, 'acknowledge');
    if (!outcome.ok) {
      // Someone else got there first: not an error for the person, they see who has it.
      if (outcome.alert) return ok({ alert: outcome.alert });
      return fail(outcome.code, outcome.message);
    }
    const { alert } = outcome;
    toStaff().emit('distress:acknowledged', alert);
    const raiser = services.rooms.get(self.sessionId, alert.participantId);
    if (raiser && alert.acknowledgedAt !== null) io.to(raiser.connectionId).emit('distress:seen', { alertId: alert.id, at: alert.acknowledgedAt });
    return ok({ alert });
  });

  onCommand(socket, log, 'distress:open', async ({ participantId, level, note }) => {
    const member = services.rooms.get(self.sessionId, participantId);
    // [SV4] The supervisor is an observer, not someone in the group's care (and not in its room).
    if (!member || member.participant.role === Role.supervisor) return fail('not_found', 'That person is not in the room.');
    if (participantId === self.participantId) return fail('not_allowed', 'Use "I need support" for yourself.');
    const alert = await services.distress.raise(
      { sessionId: self.sessionId, participantId, level, note: note?.trim() || null, openedBy: self.participantId },
      services.now(),
    );
    // [DS9] Other facilitators learn of it; the member does not.
    toStaff({ participantId, connectionId: socket.id }).emit('distress:alert', alert);
    return ok({ alert });
  });

  onCommand(socket, log, 'case:bring-in', async ({ alertId }) => {
    const alert = await services.distress.find(self.sessionId, alertId);
    if (!alert) return fail('not_found', 'There is no such support request in this session.');
    if (alert.memberIncludedAt !== null) return ok({ alert });
    if (alert.status === 'resolved') return fail('conflict', 'This request has been resolved.');
    await services.distress.includeMember(self.sessionId, alertId, services.now());
    const latest = (await services.distress.find(self.sessionId, alertId)) ?? alert;
    toStaff({ participantId: latest.participantId }).emit('distress:updated', latest);
    return ok({ alert: latest });
  });

  onCommand(socket, log, 'distress:update', async ({ alertId, action }) => {
    const outcome = await act(services, self.sessionId, self.participantId, alertId, action);
    if (!outcome.ok) return fail(outcome.code, outcome.message);
    toStaff().emit('distress:updated', outcome.alert);
    if (action === 'escalate') await reportToOncall(services, self.sessionId, outcome.alert, 'distress.escalated');
    // [DS13] The member who asked is told it is closed, so they are not left waiting; a case a
    // facilitator opened about them stays unknown to them (DS9) unless they were brought in (DS14).
    const raiser = services.rooms.get(self.sessionId, outcome.alert.participantId);
    if (action === 'resolve' && raiser && outcome.alert.memberIncludedAt !== null) {
      io.to(raiser.connectionId).emit('distress:closed', { alertId: outcome.alert.id, at: services.now() });
    }
    return ok({ alert: outcome.alert });
  });
}
