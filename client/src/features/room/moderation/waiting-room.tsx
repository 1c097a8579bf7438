import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { WaitingMessage, WaitingWelcome } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { connectRoomSocket, onFact, sendCommand, type RoomSocket } from '../../../lib/socket';
import { RoomMessage } from '../session/room-message';
import '../../../styles/moderation.css';

type Phase =
  | { kind: 'connecting' }
  | { kind: 'waiting'; welcome: WaitingWelcome }
  | { kind: 'declined'; message: string }
  | { kind: 'failed'; message: string };

/**
 * [MD9] The waiting room, for a member the server answered `admission_required`: the group's welcome
 * text, a private conversation with the facilitators, and then either the room (admitted) or a kind
 * word (declined). Its own connection, used only for waiting; the room opens a fresh one on entry.
 */
export function WaitingRoom({ token, onAdmitted }: { token: string; onAdmitted: () => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'connecting' });
  const [messages, setMessages] = useState<WaitingMessage[]>([]);
  const [draft, setDraft] = useState('');
  const [status, setStatus] = useState('');
  const socketRef = useRef<RoomSocket | null>(null);
  const admitted = useRef(onAdmitted);
  const inputId = useId();
  useEffect(() => {
    admitted.current = onAdmitted;
  });

  useEffect(() => {
    const socket = connectRoomSocket(token);
    socketRef.current = socket;
    socket.on('connect', () => {
      void sendCommand(socket, 'waiting:enter', {}).then((ack) => {
        if (!ack.ok) return setPhase({ kind: 'failed', message: ack.error.message });
        if (ack.status === 'admitted') return admitted.current();
        setPhase({ kind: 'waiting', welcome: ack });
      });
    });
    const offs = [
      onFact(socket, 'waiting:message', (message) => {
        setMessages((all) => [...all, message]);
        setStatus(`New message from ${message.from.displayName}`);
      }),
      onFact(socket, 'waiting:decided', ({ decision, message }) => {
        socket.disconnect();
        if (decision === 'admitted') admitted.current();
        else setPhase({ kind: 'declined', message });
      }),
    ];
    return () => {
      offs.forEach((off) => off());
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [token]);

  async function send(event: FormEvent) {
    event.preventDefault();
    const socket = socketRef.current;
    if (!socket || !draft.trim()) return;
    const ack = await sendCommand(socket, 'waiting:message', { body: draft.trim() });
    if (ack.ok) {
      setMessages((all) => [...all, ack.message]);
      setDraft('');
      setStatus('Message sent to the facilitators');
    } else setStatus(ack.error.message);
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
        <form className="waiting-room__form" onSubmit={(event) => void send(event)}>
          <label htmlFor={inputId}>Message to the facilitators (only they can read it)</label>
          <input id={inputId} value={draft} maxLength={1000} onChange={(event) => setDraft(event.target.value)} />
          <Button type="submit" variant="secondary">Send</Button>
        </form>
        <p role="status" className="waiting-room__status">{status}</p>
      </div>
    </RoomMessage>
  );
}
