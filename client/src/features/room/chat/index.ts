/** Group chat held by the facilitator (CH1-CH6). Depends on the session only. */
export { ChatProvider, useChat } from './chat-context';
export { ChatPanel } from './chat-panel';
