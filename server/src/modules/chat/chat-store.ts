import type { ChatMessage, ChatMode } from '@hearth/shared';

/**
 * Where a live session's chat is kept. [CH4] A port with one implementation, in memory: chat is never
 * written to the database, so it cannot outlive the session, a restart, or a retention sweep. Any
 * future implementation (say, shared memory across nodes) must keep that promise: no durable store.
 */
export interface ChatStore {
  mode(sessionId: string): ChatMode;
  setMode(sessionId: string, mode: ChatMode): void;
  /** Adds the message, dropping the oldest beyond the store's bound. */
  add(sessionId: string, message: ChatMessage): void;
  /** Oldest first. */
  list(sessionId: string): readonly ChatMessage[];
  /** [CH5] The removed message, or undefined if there was none with that id. */
  remove(sessionId: string, messageId: string): ChatMessage | undefined;
  /** [CH4] The session ended: its messages and mode go. */
  forget(sessionId: string): void;
}

/** The most recent messages kept per session: enough to scroll back, bounded so memory is. */
export const CHAT_HISTORY_LIMIT = 200;

/** A new session's chat is open to everyone, as in any meeting room; the facilitator narrows it. */
export const DEFAULT_CHAT_MODE: ChatMode = 'everyone';

interface SessionChat {
  mode: ChatMode;
  messages: ChatMessage[];
}

export class MemoryChatStore implements ChatStore {
  private readonly sessions = new Map<string, SessionChat>();

  constructor(private readonly limit = CHAT_HISTORY_LIMIT) {}

  mode(sessionId: string): ChatMode {
    return this.sessions.get(sessionId)?.mode ?? DEFAULT_CHAT_MODE;
  }

  setMode(sessionId: string, mode: ChatMode): void {
    this.chat(sessionId).mode = mode;
  }

  add(sessionId: string, message: ChatMessage): void {
    const chat = this.chat(sessionId);
    chat.messages.push(message);
    if (chat.messages.length > this.limit) chat.messages.splice(0, chat.messages.length - this.limit);
  }

  list(sessionId: string): readonly ChatMessage[] {
    return this.sessions.get(sessionId)?.messages ?? [];
  }

  remove(sessionId: string, messageId: string): ChatMessage | undefined {
    const messages = this.sessions.get(sessionId)?.messages;
    const index = messages?.findIndex((m) => m.id === messageId) ?? -1;
    if (!messages || index < 0) return undefined;
    return messages.splice(index, 1)[0];
  }

  forget(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  /** How many sessions have chat in memory (tests check the end of a session clears it). */
  get size(): number {
    return this.sessions.size;
  }

  private chat(sessionId: string): SessionChat {
    let chat = this.sessions.get(sessionId);
    if (!chat) {
      chat = { mode: DEFAULT_CHAT_MODE, messages: [] };
      this.sessions.set(sessionId, chat);
    }
    return chat;
  }
}
