import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { FormError } from '../../../components/ui/form-error';
import { StatusText, statusMessage, type StatusMessage } from '../../../components/ui/status-text';
import type { ClientError } from '../../../lib/errors';
import { getGroupAgenda, saveGroupAgenda } from '../api/agenda-api';
import { addPhase, agendaDraftFrom, agendaLimits, agendaProblem, agendaSaveBody, editPhase, movePhase, removePhase, type DraftPhase } from '../model/agenda-draft';
import '../../../styles/agenda.css';

/**
 * The group's session agenda, beside its ground rules: the phases a facilitator moves through in the
 * room. A phase marked to open the ground rules opens everyone's rules panel when the session enters it.
 */
export function AgendaEditor({ groupId }: { groupId: string }) {
  const [draft, setDraft] = useState<DraftPhase[] | null>(null);
  const [loadError, setLoadError] = useState<ClientError | null>(null);
  const [problem, setProblem] = useState<ClientError | string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<StatusMessage | null>(null);
  const [attempt, setAttempt] = useState(0);
  const focusLast = useRef(false);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    let active = true;
    void getGroupAgenda(groupId).then((answer) => {
      if (!active) return;
      if (!answer.ok) return setLoadError(answer.error);
      setLoadError(null);
      setDraft(agendaDraftFrom(answer.value.phases));
    });
    return () => {
      active = false;
    };
  }, [groupId, attempt]);

  // After "Add a phase", put the cursor in the new phase's name.
  useEffect(() => {
    if (!focusLast.current) return;
    focusLast.current = false;
    const boxes = listRef.current?.querySelectorAll('input[type="text"]');
    (boxes?.[boxes.length - 1] as HTMLInputElement | undefined)?.focus();
  }, [draft?.length]);

  async function save(phases: DraftPhase[]) {
    const wrong = agendaProblem(phases);
    if (wrong) return setProblem(wrong);
    setBusy(true);
    setProblem(null);
    const answer = await saveGroupAgenda(groupId, agendaSaveBody(phases));
    setBusy(false);
    if (!answer.ok) return setProblem(answer.error);
    setDraft(agendaDraftFrom(answer.value.phases));
    setStatus(statusMessage('Agenda saved. Live sessions use it from the next move.'));
  }

  return (
    <section aria-labelledby="agenda-heading" className="agenda-editor">
      <h2 id="agenda-heading">Session agenda</h2>
      <p className="muted">The phases you move through in each session. Everyone in the room sees the current one.</p>
      {loadError ? (
        <>
          <FormError error={loadError} />
          <Button onClick={() => setAttempt((n) => n + 1)}>Try again</Button>
        </>
      ) : !draft ? (
        <p aria-busy="true">Loading the agenda…</p>
      ) : (
        <form className="form" onSubmit={(event) => {
          event.preventDefault();
          void save(draft);
        }}>
          <ol ref={listRef} className="agenda-editor__list" aria-label="Phases being edited">
            {draft.map((phase, index) => {
              const label = `Phase ${index + 1}`;
              return (
                <li key={phase.key} className="agenda-editor__item">
                  <label className="field__label" htmlFor={phase.key}>{label}</label>
                  <input id={phase.key} type="text" className="field__input" maxLength={agendaLimits.name} value={phase.name}
                    onChange={(event) => setDraft(editPhase(draft, index, { name: event.target.value }))} />
                  <label className="agenda-editor__check">
                    <input type="checkbox" checked={phase.opensRules}
                      onChange={(event) => setDraft(editPhase(draft, index, { opensRules: event.target.checked }))} />
                    {' '}Opens the ground rules for everyone ({label.toLowerCase()})
                  </label>
                  <div className="agenda-editor__actions">
                    <Button variant="quiet" aria-label={`Move up ${label.toLowerCase()}`} disabled={index === 0} onClick={() => setDraft(movePhase(draft, index, -1))}>Move up</Button>
                    <Button variant="quiet" aria-label={`Move down ${label.toLowerCase()}`} disabled={index === draft.length - 1} onClick={() => setDraft(movePhase(draft, index, 1))}>Move down</Button>
                    <Button variant="quiet-danger" aria-label={`Remove ${label.toLowerCase()}`} onClick={() => setDraft(removePhase(draft, index))}>Remove</Button>
                  </div>
                </li>
              );
            })}
          </ol>
          <div className="form__actions">
            <Button disabled={draft.length >= agendaLimits.phases} onClick={() => {
              focusLast.current = true;
              setDraft(addPhase(draft));
            }}>Add a phase</Button>
            <Button type="submit" variant="primary" disabled={busy}>Save the agenda</Button>
            <StatusText message={status} />
          </div>
          <FormError error={problem} />
        </form>
      )}
    </section>
  );
}
