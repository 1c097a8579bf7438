/**
 * Front door of `chat`: group chat held by the facilitator [CH1]-[CH6]. Who may write and read is pure
 * (shared/src/protocol/chat.ts, so the client shows the same rules); the messages live in a ChatStore in
 * memory only, forgotten when the session ends (RoomControl's `ended`). Never stored, never logged.
 */
export { CHAT_HISTORY_LIMIT, DEFAULT_CHAT_MODE, MemoryChatStore, type ChatStore } from './chat-store.js';
export { chatReaders } from './chat-recipients.js';
