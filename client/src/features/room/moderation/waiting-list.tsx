import { useId, useState, type FormEvent } from 'react';
import { maxLengthOf, WaitingMessageBodySchema, type WaitingEntry } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import type { Moderation } from './use-moderation';

/** Who is waiting to be admitted, with Admit / Decline and a private conversation with each. */
export function WaitingList({ moderation }: { moderation: Moderation }) {
  const headingId = useId();
  const { waiting } = moderation;
  return (
    <div className="waiting-list" aria-labelledby={headingId} role="group">
      <h3 id={headingId} className="waiting-list__title">Waiting to join ({waiting.length})</h3>
      {waiting.length === 0 ? <p className="waiting-list__empty">Nobody is waiting.</p> : null}
      <ul className="waiting-list__items">
        {waiting.map((entry) => <WaitingItem key={entry.participantId} entry={entry} moderation={moderation} />)}
      </ul>
    </div>
  );
}

function WaitingItem({ entry, moderation }: { entry: WaitingEntry; moderation: Moderation }) {
  const [draft, setDraft] = useState('');
  const inputId = useId();
  const name = entry.displayName;
  const busy = moderation.pending === entry.participantId;
  const thread = moderation.messages.filter((m) => m.waitingParticipantId === entry.participantId);

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!draft.trim()) return;
    if (await moderation.sendWaitingMessage(entry, draft.trim())) setDraft('');
  }

  return (
    <li className="waiting-list__item">
      <p className="waiting-list__name">
        {name}{entry.organisation ? <span className="waiting-list__org"> · {entry.organisation}</span> : null}
      </p>
      <div className="waiting-list__actions">
        <Button variant="primary" disabled={busy} onClick={() => void moderation.admit(entry)}>
          Admit<span className="visually-hidden"> {name}</span>
        </Button>
        <Button variant="quiet-danger" disabled={busy} onClick={() => void moderation.decline(entry)}>
          Decline<span className="visually-hidden"> {name}</span>
        </Button>
      </div>
      {thread.length > 0 ? (
        <ol className="waiting-list__thread" aria-label={`Messages with ${name}`}>
          {thread.map((m) => <li key={m.id}><strong>{m.from.displayName}:</strong> {m.body}</li>)}
        </ol>
      ) : null}
      <form className="waiting-list__form" onSubmit={(event) => void send(event)}>
        <label htmlFor={inputId}>Message to {name}</label>
        <input id={inputId} value={draft} maxLength={maxLengthOf(WaitingMessageBodySchema)} onChange={(event) => setDraft(event.target.value)} />
        <Button type="submit" variant="secondary">Send<span className="visually-hidden"> to {name}</span></Button>
      </form>
    </li>
  );
}
