/**
 * What this person's screen holds of the group chat, as a pure reducer: the mode, the messages the server
 * let them read (oldest first), and a short status line for what just happened ("Message removed").
 * The server decides what reaches this person (CH1, CH2); this only keeps it, without duplicates.
 */
import type { ChatMessage, ChatMode } from '@hearth/shared';

export interface ChatView {
  /** Null until the first history arrives (nothing is shown as "the mode" before the server says it). */
  mode: ChatMode | null;
  messages: readonly ChatMessage[];
  status: string;
}

export const initialChatView: ChatView = { mode: null, messages: [], status: '' };

export type ChatAction =
  | { type: 'reset' }
  | { type: 'loaded'; mode: ChatMode; messages: readonly ChatMessage[] }
  | { type: 'message'; message: ChatMessage }
  | { type: 'removed'; messageId: string }
  | { type: 'mode'; mode: ChatMode }
  | { type: 'status'; text: string };

/** The same bound as the server's, so a long session never grows the page without end. */
const KEEP = 200;

export function chatReducer(view: ChatView, action: ChatAction): ChatView {
  switch (action.type) {
    case 'reset':
      return initialChatView;
    case 'loaded':
      return { ...view, mode: action.mode, messages: action.messages.slice(-KEEP) };
    case 'message':
      if (view.messages.some((m) => m.id === action.message.id)) return view;
      return { ...view, messages: [...view.messages, action.message].slice(-KEEP) };
    case 'removed':
      return { ...view, messages: view.messages.filter((m) => m.id !== action.messageId) };
    case 'mode':
      return { ...view, mode: action.mode };
    case 'status':
      return { ...view, status: action.text };
  }
}

/** Said plainly to anyone who cannot write right now, and why; null when they can. */
export function chatClosedReason(mode: ChatMode | null, canWrite: boolean, observing: boolean): string | null {
  if (observing) return 'You are observing: you can read the chat, not write in it.';
  if (mode === 'off') return 'Chat is off.';
  if (mode === 'facilitators' && !canWrite) return 'Chat is for facilitators only.';
  return null;
}

export const CHAT_MODE_LABELS: Record<ChatMode, string> = {
  everyone: 'Everyone',
  facilitators: 'Facilitators only',
  off: 'Off',
};
