import { useState } from 'react';
import type { MovePhase, SessionAgenda } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';

/**
 * Facilitators: step forward or back, or go straight to any phase. The buttons name where they lead, so
 * nobody has to work out what "next" means; the server decides the step from where the room really is.
 */
export function AgendaControls({ agenda, onMove }: { agenda: SessionAgenda; onMove: (to: MovePhase) => void }) {
  const index = agenda.phases.findIndex((p) => p.id === agenda.currentPhaseId);
  const previous = index > 0 ? agenda.phases[index - 1] : undefined;
  const next = agenda.phases[index + 1];
  const [chosen, setChosen] = useState('');
  const target = agenda.phases.some((p) => p.id === chosen) ? chosen : (agenda.phases[0]?.id ?? '');
  return (
    <div className="session-agenda__controls">
      {previous ? <Button variant="quiet" onClick={() => onMove({ step: 'previous' })}>Back to: {previous.name}</Button> : null}
      {next ? (
        <Button onClick={() => onMove({ step: 'next' })}>{index === -1 ? 'Start' : 'Next'}: {next.name}</Button>
      ) : null}
      <form
        className="session-agenda__jump"
        onSubmit={(event) => {
          event.preventDefault();
          if (target) onMove({ phaseId: target });
        }}
      >
        <SelectField label="Go to phase" value={target} onChange={(event) => setChosen(event.target.value)}
          options={agenda.phases.map((p) => ({ value: p.id, label: p.name }))} />
        <Button type="submit" variant="quiet">Go</Button>
      </form>
    </div>
  );
}
