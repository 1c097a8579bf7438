import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { RoomMessage } from '../session';
import { useWaitingRoom } from './use-waiting-room';
import '../../../styles/moderation.css';

/**
 * [MD9] The waiting room, for a member the server answered `admission_required`: the group's welcome
 * text, a private conversation with the facilitators, and then either the room (admitted) or a kind
 * word (declined). It waits on the room session's connection (use-waiting-room.ts).
 */
export function WaitingRoom() {
  const { phase, messages, status, send } = useWaitingRoom();
  const [draft, setDraft] = useState('');
  const inputId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft.trim()) return;
    if (await send(draft.trim())) setDraft('');
  }

  switch (phase.kind) {
    case 'connecting':
      return <RoomMessage busy title="Joining the session…" message="This usually takes a few seconds." />;
    case 'declined':
      return <RoomMessage title="You can't join just now" message={phase.message} />;
    case 'failed':
      return <RoomMessage title="We couldn't connect you" message={phase.message} />;
    default:
      break;
  }
  const { welcome } = phase;
  return (
    <RoomMessage title="Waiting to be let in" message={`${welcome.sessionTitle} · ${welcome.groupName}. The facilitator will let you in shortly.`}>
      <div className="waiting-room">
        {welcome.welcomeText ? (
          <section aria-label="Welcome from the facilitator" className="waiting-room__welcome">
            <p>{welcome.welcomeText}</p>
          </section>
        ) : null}
        {messages.length > 0 ? (
          <ol className="waiting-room__messages" aria-label="Messages with the facilitators">
            {messages.map((m) => <li key={m.id}><strong>{m.from.displayName}:</strong> {m.body}</li>)}
          </ol>
        ) : null}
        <form className="waiting-room__form" onSubmit={(event) => void submit(event)}>
          <label htmlFor={inputId}>Message to the facilitators (only they can read it)</label>
          <input id={inputId} value={draft} maxLength={1000} onChange={(event) => setDraft(event.target.value)} />
          <Button type="submit" variant="secondary">Send</Button>
        </form>
        <p role="status" className="waiting-room__status">{status}</p>
      </div>
    </RoomMessage>
  );
}
