import { useEffect, useId, useRef, useState } from 'react';
import { CHAT_TEXT_MAX, isFacilitatorRole, maySendChat, type ChatMessage, type ChatMode } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { isObserver } from '../media';
import { useRoomCall } from '../session';
import { CHAT_MODE_LABELS, chatClosedReason } from './chat-state';
import { useChat } from './chat-context';
import '../../../styles/chat.css';

const timeOfDay = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/**
 * The group chat: a log of messages (read out politely as they arrive, never all at once on loading),
 * a labelled box where Enter sends, and for facilitators who may write (the mode) and a Remove button on
 * each message. Someone who cannot write is told why in plain words; the box stays, disabled, so the
 * layout never jumps. Links are shown as plain text: nothing is fetched or previewed.
 */
export function ChatPanel() {
  const { self } = useRoomCall();
  const { state, send, remove, setMode } = useChat();
  const headingId = useId();
  const reasonId = useId();
  const facilitator = isFacilitatorRole(self.role);
  const observing = isObserver(self.role);
  const canWrite = state.mode !== null && maySendChat(state.mode, self.role);
  const reason = chatClosedReason(state.mode, canWrite, observing);

  return (
    <section className="chat" aria-labelledby={headingId}>
      <h2 id={headingId} className="chat__title">Group chat</h2>
      {facilitator && state.mode ? (
        <SelectField label="Who can use the chat" value={state.mode} onChange={(e) => void setMode(e.target.value as ChatMode)}
          options={(Object.keys(CHAT_MODE_LABELS) as ChatMode[]).map((mode) => ({ value: mode, label: CHAT_MODE_LABELS[mode] }))} />
      ) : null}
      {state.mode === null ? <p className="chat__empty">Loading the chat…</p> : (
        <ChatLog messages={state.messages} selfId={self.id} canRemove={facilitator} onRemove={(m) => void remove(m.id, m.from.displayName)} />
      )}
      {reason ? <p id={reasonId} className="chat__reason">{reason}</p> : null}
      {observing ? null : <ChatComposer disabled={!canWrite} describedBy={reason ? reasonId : undefined} onSend={send} />}
      <p role="status" className="chat__status">{state.status}</p>
    </section>
  );
}

function ChatLog({ messages, selfId, canRemove, onRemove }: {
  messages: readonly ChatMessage[];
  selfId: string;
  canRemove: boolean;
  onRemove: (message: ChatMessage) => void;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  const count = messages.length;
  // Keep the newest in view with an instant jump (never a smooth scroll), so nothing moves on its own.
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [count]);
  return (
    // role="log" is polite by default; said explicitly for screen readers that need it. Always present once
    // loaded, so each new message is read once, and the history is not read out on arrival. The log wraps
    // the list (a role on the <ol> itself would take its list semantics away from the items).
    <div ref={listRef} role="log" aria-live="polite" aria-label="Chat messages" className="chat__messages" tabIndex={0}>
      {count === 0 ? <p className="chat__empty">No messages yet.</p> : (
        <ol className="chat__list">
          {messages.map((message) => (
            <li key={message.id} className="chat__message">
              <p className="chat__meta">
                <span className="chat__from">{message.from.id === selfId ? 'You' : message.from.displayName}</span>{' '}
                <time dateTime={new Date(message.sentAt).toISOString()} className="chat__time">{timeOfDay.format(message.sentAt)}</time>
                {message.audience === 'facilitators' ? <span className="chat__audience"> · facilitators only</span> : null}
              </p>
              <p className="chat__text">{message.text}</p>
              {canRemove ? (
                <Button variant="quiet-danger" className="chat__remove" onClick={() => onRemove(message)}
                  aria-label={`Remove message from ${message.from.id === selfId ? 'you' : message.from.displayName}`}>Remove</Button>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function ChatComposer({ disabled, describedBy, onSend }: { disabled: boolean; describedBy: string | undefined; onSend: (text: string) => Promise<string | null> }) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const text = draft.trim();
  return (
    <form
      className="chat__composer"
      noValidate
      onSubmit={(event) => {
        // A one-line box: Enter submits the form, as in any chat.
        event.preventDefault();
        if (!text || sending || disabled) return;
        setSending(true);
        void onSend(text).then((failure) => {
          setSending(false);
          setError(failure);
          if (!failure) setDraft('');
        });
      }}
    >
      <label className="field__label" htmlFor={`${id}-text`}>Message to the group</label>
      <div className="chat__row">
        <input id={`${id}-text`} className="field__input chat__field" type="text" autoComplete="off" maxLength={CHAT_TEXT_MAX}
          value={draft} onChange={(e) => setDraft(e.target.value)} disabled={disabled}
          aria-describedby={[describedBy, error ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined} />
        <Button type="submit" variant="primary" disabled={disabled || sending || !text}>Send</Button>
      </div>
      {error ? <p id={`${id}-error`} role="alert" className="field__error">{error}</p> : null}
    </form>
  );
}
