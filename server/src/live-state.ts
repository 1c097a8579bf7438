import type { FastifyBaseLogger } from 'fastify';
import type { SessionFloor } from './modules/floor/floor-board.js';
import type { Services } from './services.js';

/**
 * [RS4] What lives in this process's memory and must outlast a graceful restart: each session's floor
 * (hands, order, holder, floor control, the go-round at its current speaker) and its agenda phase. Saved
 * as the server drains, before any connection closes (so departures have not cleared it yet), and taken
 * back before the next process listens. Nudges, asides, the waiting list, rule proposals and unanswered
 * asks to unmute are not carried over: they belong to a moment, and people can simply ask again.
 */
const VERSION = 1;

interface LiveSnapshot {
  v: typeof VERSION;
  floor: Omit<SessionFloor, 'nudges' | 'toldPlaces'> | null;
  phase: { phaseId: string; at: number } | null;
}

export async function saveLiveState(services: Services): Promise<number> {
  const phases = new Map(services.sessionPhases.entries());
  const sessionIds = new Set([...services.floor.sessionIds(), ...phases.keys()]);
  const snapshots = [...sessionIds].map((sessionId) => {
    const floor = services.floor.peek(sessionId);
    const state: LiveSnapshot = {
      v: VERSION,
      floor: floor ? { hands: floor.hands, order: floor.order, holderId: floor.holderId, floorControl: floor.floorControl, controlBy: floor.controlBy, round: floor.round } : null,
      phase: phases.get(sessionId) ?? null,
    };
    return { sessionId, state: JSON.stringify(state) };
  });
  await services.liveSnapshots.save(snapshots, services.now());
  return snapshots.length;
}

export async function restoreLiveState(services: Services, log: FastifyBaseLogger): Promise<number> {
  let restored = 0;
  for (const { sessionId, state } of await services.liveSnapshots.takeAll()) {
    let snapshot: LiveSnapshot;
    try {
      snapshot = JSON.parse(state) as LiveSnapshot;
    } catch {
      log.warn({ sessionId }, 'ignoring an unreadable live snapshot');
      continue;
    }
    // Written by another version of Hearth: starting afresh is safer than guessing its shape.
    if (snapshot.v !== VERSION) continue;
    if (snapshot.floor) services.floor.restore(sessionId, snapshot.floor);
    if (snapshot.phase) services.sessionPhases.set(sessionId, snapshot.phase.phaseId, snapshot.phase.at);
    restored += 1;
  }
  return restored;
}
