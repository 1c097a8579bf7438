import type { FastifyBaseLogger } from 'fastify';
import { fail, ok, type AgendaPhase, type SessionAgenda } from '@hearth/shared';
import { onCommand } from '../../realtime/index.js';
import { sessionChannel, type HearthServer, type HearthSocket } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import { defaultPhases, movePhase, type CurrentPhase } from './agenda.js';

/**
 * The agenda in the room. Invariants, tested by id (docs/spec.md):
 * - [AG3] only facilitators move between phases (command-policy.ts); the target is worked out here from
 *   the session's own state and the group's stored agenda, never taken from a payload's idea of either;
 * - [AG4] every move reaches everyone in the session as `agenda:phase`; the fact names no one;
 * - [AG5] anyone joining later asks `agenda:get` and gets the same state.
 */
export function registerAgendaHandlers(io: HearthServer, socket: HearthSocket, services: Pick<Services, 'agenda' | 'now' | 'sessionPhases' | 'sessions'>, log: FastifyBaseLogger): void {
  const self = socket.data.identity;

  async function phases(): Promise<AgendaPhase[]> {
    const session = await services.sessions.find(self.sessionId);
    const saved = session ? await services.agenda.find(session.groupId) : null;
    return saved?.phases ?? [...defaultPhases];
  }

  function state(list: AgendaPhase[], current: CurrentPhase | null): SessionAgenda {
    // A phase removed from the agenda mid-session reads as "not started" rather than a ghost.
    const known = current && list.some((p) => p.id === current.phaseId) ? current : null;
    return { phases: list, currentPhaseId: known?.phaseId ?? null, changedAt: known?.at ?? null };
  }

  onCommand(socket, log, 'agenda:get', async () => ok({ agenda: state(await phases(), await services.sessionPhases.current(self.sessionId)) }));

  onCommand(socket, log, 'agenda:move', async (move) => {
    const list = await phases();
    // [ND10] A compare-and-set: two facilitators pressing "Next" together (on one node or two) each move one
    // step; one that lost the race reads again and moves from where the other left it.
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await services.sessionPhases.current(self.sessionId);
      const outcome = movePhase(list, state(list, current).currentPhaseId, move);
      if (!outcome.ok) return fail(outcome.code, outcome.message);
      const next = { phaseId: outcome.phase.id, at: services.now() };
      if (!(await services.sessionPhases.replace(self.sessionId, current, next))) continue;
      const agenda = state(list, next);
      io.to(sessionChannel(self.sessionId)).emit('agenda:phase', agenda);
      return ok({ agenda });
    }
    return fail('conflict', 'The agenda moved several times at once; try again.');
  });
}
