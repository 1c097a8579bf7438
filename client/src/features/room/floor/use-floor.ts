/**
 * Hands, the floor, rounds and nudges, wired to the room socket. The server decides who hears what
 * (a member gets only their own hand; facilitators the queue); this hook keeps what arrived and sends
 * the person's commands. It forgets everything when the person is out of the room (left, closed) and as a
 * (re)join is acknowledged: after it the server sends the floor again if anything is happening on it.
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { ClientCommandName, CommandPayload, HandOrder, NudgeAnswer, NudgeKind, NudgeWording, Participant, StartRound } from '@hearth/shared';
import type { CommandOutcome } from '../../../lib/socket';
import { floorReducer, initialFloorView, namesOf } from './floor-state';
import type { RoomCommand, RoomListen } from '../session';

interface Options {
  /** In the room or reconnecting to it (what is shown stays until the rejoin replaces it). */
  inRoom: boolean;
  self: Participant | null;
  /** Everyone else in the room, to name whose turn it is. */
  others: ReadonlyMap<string, Participant>;
  command: RoomCommand;
  listen: RoomListen;
}

export function useFloorState({ inRoom, self, others, command, listen }: Options) {
  const [state, dispatch] = useReducer(floorReducer, initialFloorView);
  // Read when a fact lands, so announcements name people without re-subscribing on every roster change.
  const who = useRef({ selfId: self?.id ?? null, names: new Map<string, string>() });
  useEffect(() => {
    who.current = { selfId: self?.id ?? null, names: namesOf(self, others.values()) };
  }, [self, others]);

  // [RS2] Kept on screen while reconnecting; forgotten once out of the room, and on every (re)join (before
  // the server sends the floor again, if anything is happening on it).
  useEffect(() => {
    if (!inRoom) dispatch({ type: 'reset' });
  }, [inRoom]);

  useEffect(() => listen((fact) => {
    const at = Date.now();
    switch (fact.name) {
      case 'room:joined':
        return dispatch({ type: 'reset' });
      case 'floor:state':
        return dispatch({ type: 'floor', floor: fact.payload, at, ...who.current });
      case 'floor:queue':
        return dispatch({ type: 'queue', queue: fact.payload, at });
      case 'hand:mine':
        return dispatch({ type: 'mine', hand: fact.payload });
      case 'nudge:received':
        return dispatch({ type: 'nudge', nudge: fact.payload });
      case 'nudge:answered':
        return dispatch({ type: 'answered', answer: fact.payload, name: who.current.names.get(fact.payload.participantId) ?? 'Someone' });
      default:
        return undefined;
    }
  }), [listen]);

  /** Sends a command; a refusal is said aloud and shown. Resolves to whether it worked. */
  const run = useCallback(async <E extends ClientCommandName>(name: E, payload: CommandPayload<E>): Promise<CommandOutcome<E>> => {
    const ack = await command(name, payload);
    if (!ack.ok) dispatch({ type: 'announce', text: ack.error.message });
    return ack;
  }, [command]);

  const toggleHand = useCallback(async () => {
    const ack = await run(state.mine.raised ? 'hand:lower' : 'hand:raise', {});
    if (ack.ok) dispatch({ type: 'mine', hand: ack.hand });
  }, [run, state.mine.raised]);

  const answerNudge = useCallback(async (nudgeId: string, answer: NudgeAnswer) => {
    const ack = await run('nudge:answer', { nudgeId, answer });
    if (ack.ok || ack.error.code === 'not_found') dispatch({ type: 'nudge-answered-by-me', nudgeId });
  }, [run]);

  return {
    state,
    toggleHand,
    answerNudge,
    pass: () => run('round:pass', {}),
    done: () => run('round:done', {}),
    release: () => run('floor:release', {}),
    // Facilitators (the server refuses anyone else).
    lowerHand: (participantId?: string) => run('hands:lower', participantId ? { participantId } : {}),
    setOrder: (order: HandOrder) => run('hands:order', { order }),
    give: (participantId: string) => run('floor:give', { participantId }),
    setControl: (on: boolean) => run('floor:control', { on }),
    startRound: (round: StartRound) => run('round:start', round),
    skip: () => run('round:skip', {}),
    reorder: (participantIds: string[]) => run('round:reorder', { participantIds }),
    endRound: () => run('round:end', {}),
    sendNudge: (participantId: string, kind: NudgeKind, text: string) => run('nudge:send', { participantId, kind, text }),
    wording: () => run('nudge:wording', {}),
    saveWording: (wording: NudgeWording) => run('nudge:set-wording', wording),
  };
}
export type Floor = ReturnType<typeof useFloorState>;
