/**
 * Private text as this client knows it: the conversation on each support request (the member who
 * raised it and the session's facilitators) and the facilitators' backchannel. Pure: a reducer over the
 * person's own actions (open, close, type, send) and what the server said (history, new messages), so
 * it can be tested without sockets or React.
 *
 * Invariants: a message is listed once (history and facts overlap), oldest first; a failed send keeps
 * what was typed, and a successful one clears only the text that was sent, never what was typed while
 * it travelled; only messages that arrive while a conversation is closed count as unread; a person who
 * closed a conversation is never shown it again uninvited. Nothing here chooses who receives a message:
 * the server does, and this client only ever holds what the server sent to it.
 */
import { maxLengthOf, MessageBodySchema, type PrivateMessage } from '@hearth/shared';
import type { ClientError } from '../../../../lib/errors';

export const MESSAGE_MAX_LENGTH = maxLengthOf(MessageBodySchema);

/** `case:<alertId>` for a support request's conversation; `backchannel` for the facilitators' channel. */
export type ThreadKey = 'backchannel' | `case:${string}`;

export const caseKey = (alertId: string): ThreadKey => `case:${alertId}`;

export interface Thread {
  /** Oldest first, each id once. */
  messages: readonly PrivateMessage[];
  open: boolean;
  /** The person closed it: a new message no longer brings it back by itself (it shows as unread). */
  closedByPerson: boolean;
  /** Messages that arrived while it was closed. */
  unread: number;
  history: 'idle' | 'loading' | 'loaded' | 'failed';
  historyError: ClientError | null;
  draft: string;
  /** The text on its way to the server, or null. */
  sending: string | null;
  /** The last send failure; cleared by the next attempt (not by typing: it must stay until read). */
  error: ClientError | null;
}

/** Read out politely (aria-live) to the one person this client belongs to; a new object each time. */
export interface ConversationAnnouncement {
  seq: number;
  text: string;
}

export interface ConversationsState {
  threads: Readonly<Partial<Record<ThreadKey, Thread>>>;
  announcement: ConversationAnnouncement | null;
  /**
   * The last conversation on a request of this person's own that a facilitator wrote in: it lets a
   * member who reloaded the page (and so no longer knows their request's id) still read and answer.
   */
  ownCase: ThreadKey | null;
}

/** Whose screen this is, for the words of an announcement. */
export type Where =
  | { kind: 'case'; viewer: 'facilitator'; participantId: string; name: string }
  | { kind: 'case'; viewer: 'member' }
  | { kind: 'backchannel' };

export type ConversationsAction =
  | { type: 'opened'; key: ThreadKey }
  | { type: 'closed'; key: ThreadKey }
  | { type: 'history-started'; key: ThreadKey }
  | { type: 'history-loaded'; key: ThreadKey; messages: readonly PrivateMessage[] }
  | { type: 'history-failed'; key: ThreadKey; error: ClientError }
  /**
   * A `case:message` or `backchannel:message` fact. `reveal` opens the conversation unless the person
   * closed it before (the member's side: it appears as soon as a facilitator writes).
   */
  | { type: 'received'; key: ThreadKey; message: PrivateMessage; where: Where; reveal?: boolean }
  | { type: 'draft-changed'; key: ThreadKey; draft: string }
  | { type: 'send-started'; key: ThreadKey; body: string }
  | { type: 'send-failed'; key: ThreadKey; error: ClientError }
  | { type: 'send-succeeded'; key: ThreadKey; message: PrivateMessage };

export const emptyThread: Thread = {
  messages: [], open: false, closedByPerson: false, unread: 0, history: 'idle', historyError: null, draft: '', sending: null, error: null,
};

export const initialConversationsState: ConversationsState = { threads: {}, announcement: null, ownCase: null };

export function threadOf(state: ConversationsState, key: ThreadKey): Thread {
  return state.threads[key] ?? emptyThread;
}

export function conversationsReducer(state: ConversationsState, action: ConversationsAction): ConversationsState {
  const thread = threadOf(state, action.key);
  switch (action.type) {
    case 'opened':
      return withThread(state, action.key, { open: true, unread: 0 });
    case 'closed':
      // The draft stays: closing to glance at the room must not lose a half-written message.
      return withThread(state, action.key, { open: false, closedByPerson: true });
    case 'history-started':
      return withThread(state, action.key, { history: 'loading', historyError: null });
    case 'history-loaded':
      return withThread(state, action.key, { history: 'loaded', historyError: null, messages: merge(thread.messages, action.messages) });
    case 'history-failed':
      return withThread(state, action.key, { history: 'failed', historyError: action.error });
    case 'received': {
      const { message } = action;
      if (thread.messages.some((m) => m.id === message.id)) return state;
      const open = thread.open || (action.reveal === true && !thread.closedByPerson);
      const next = withThread(state, action.key, {
        messages: merge(thread.messages, [message]),
        open,
        unread: open ? 0 : thread.unread + 1,
      });
      const ownCase = action.where.kind === 'case' && action.where.viewer === 'member' ? action.key : state.ownCase;
      return { ...next, ownCase, announcement: { seq: (state.announcement?.seq ?? 0) + 1, text: announcementText(action.where, message, open) } };
    }
    case 'draft-changed':
      return withThread(state, action.key, { draft: action.draft });
    case 'send-started':
      return withThread(state, action.key, { sending: action.body, error: null });
    case 'send-failed':
      return withThread(state, action.key, { sending: null, error: action.error });
    case 'send-succeeded': {
      // Clear the box only if it still holds what was sent (trimmed as sent); anything typed since stays.
      const draft = thread.sending !== null && thread.draft.trim() === thread.sending ? '' : thread.draft;
      return withThread(state, action.key, { sending: null, error: null, draft, messages: merge(thread.messages, [action.message]) });
    }
  }
}

function withThread(state: ConversationsState, key: ThreadKey, patch: Partial<Thread>): ConversationsState {
  return { ...state, threads: { ...state.threads, [key]: { ...threadOf(state, key), ...patch } } };
}

function merge(current: readonly PrivateMessage[], incoming: readonly PrivateMessage[]): readonly PrivateMessage[] {
  const byId = new Map(current.map((m) => [m.id, m] as const));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.sentAt - b.sentAt || a.id.localeCompare(b.id));
}

/**
 * What a screen reader says when a message arrives. With the conversation open the person is in it,
 * so the words are read; closed, only who wrote and where, and the unread marker waits for them.
 */
export function announcementText(where: Where, message: PrivateMessage, open: boolean): string {
  const from = message.from.displayName;
  if (open) {
    if (where.kind === 'backchannel') return `Facilitators' channel, ${from}: ${message.body}`;
    if (where.viewer === 'facilitator' && message.from.id !== where.participantId) return `${from} to ${where.name}: ${message.body}`;
    return `${from}: ${message.body}`;
  }
  if (where.kind === 'backchannel') return `New message from ${from} in the facilitators' channel`;
  if (where.viewer === 'member') return `New message from ${from}`;
  return message.from.id === where.participantId
    ? `New message from ${from}`
    : `New message from ${from} in the conversation with ${where.name}`;
}

/** The conversations on screen now: after a rejoin their history is fetched again (facts are not replayed). */
export function openThreadKeys(state: ConversationsState): ThreadKey[] {
  return (Object.keys(state.threads) as ThreadKey[]).filter((key) => state.threads[key]?.open);
}

/** The unread marker, in words (it is part of the open button's name). */
export function unreadText(unread: number): string {
  if (unread <= 0) return '';
  return unread === 1 ? '1 new message' : `${unread} new messages`;
}

export function remainingText(draft: string): string {
  const remaining = MESSAGE_MAX_LENGTH - draft.length;
  return remaining === 1 ? '1 character left' : `${remaining} characters left`;
}

/** The body as the protocol wants it (trimmed, non-blank, at most the limit), or null if there is nothing to send. */
export function sendableBody(draft: string): string | null {
  const body = draft.trim();
  if (!body) return null;
  return body.slice(0, MESSAGE_MAX_LENGTH);
}
