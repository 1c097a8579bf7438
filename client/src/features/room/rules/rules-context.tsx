/**
 * The rules part of the room: the ground-rules panel (G), a spotlighted rule, anonymous asks to revisit
 * and drafting together; and the session's agenda, whose rules phase opens everyone's panel. The
 * consent gate before the room and the facilitator's editor are features/rules.
 */
import type { ReactNode } from 'react';
import { createPartContext } from '../session';
import { useRoomSession, useRoomShortcut } from '../session';
import { useAgendaState, type Agenda } from './use-agenda';
import { useGroundRulesState, type GroundRules } from './use-ground-rules';

const [GroundRulesValue, useGroundRulesContext] = createPartContext<GroundRules>('Ground rules');
const [AgendaValue, useAgendaContext] = createPartContext<Agenda>('The agenda');

/** The ground rules in the room; throws outside <RulesProvider>. */
export const useGroundRules = useGroundRulesContext;
/** The session's agenda; throws outside <RulesProvider>. */
export const useAgenda = useAgendaContext;

export function RulesProvider({ children }: { children: ReactNode }) {
  const { state, command, listen } = useRoomSession();
  const groundRules = useGroundRulesState({ command, listen });
  const agenda = useAgendaState({ inRoom: state.phase.kind === 'in-room', command, listen, onEnterRulesPhase: groundRules.openPanel });
  useRoomShortcut('g', groundRules.toggle);
  return (
    <GroundRulesValue value={groundRules}>
      <AgendaValue value={agenda}>{children}</AgendaValue>
    </GroundRulesValue>
  );
}
