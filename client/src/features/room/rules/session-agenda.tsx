import { isFacilitatorRole } from '@hearth/shared';
import { useRoomCall } from '../session';
import { describePhase } from './agenda-state';
import { AgendaControls } from './agenda-controls';
import { useAgenda } from './rules-context';
import '../../../styles/agenda.css';

/**
 * Where the session is in its agenda, for everyone: a calm, labelled line (no motion), and one polite
 * live region, always present, that announces each change. Facilitators also get the controls.
 * Before the agenda starts, members see nothing (there is nothing to tell them yet).
 */
export function SessionAgenda() {
  const { self: { role } } = useRoomCall();
  const agenda = useAgenda();
  const { state } = agenda;
  const facilitator = isFacilitatorRole(role);
  const now = describePhase(state.agenda);
  return (
    <section className="session-agenda" aria-label="Session agenda">
      <p role="status" className="visually-hidden">{state.announcement?.text ?? ''}</p>
      {now ? (
        <p className="session-agenda__current">
          <span className="session-agenda__label">Current phase:</span> <strong>{now.name}</strong>{' '}
          <span className="session-agenda__position">({now.position})</span>
        </p>
      ) : facilitator ? (
        <p className="session-agenda__current">The agenda has not started.</p>
      ) : null}
      {facilitator && state.agenda ? <AgendaControls agenda={state.agenda} onMove={(to) => void agenda.move(to)} /> : null}
    </section>
  );
}
