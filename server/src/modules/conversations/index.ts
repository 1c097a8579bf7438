/**
 * Front door of `conversations`: private text, a request's conversation (its member once brought in
 * [DS14], and the facilitators) and the facilitators' backchannel [PC1]-[PC3]. Writing to a member, or
 * taking them aside, moves their request into conversation.
 */
export { moveIntoConversation } from './case-conversation.js';
