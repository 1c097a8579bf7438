/**
 * Front door of `sessions`: ending a session (the live room first, through rooms' RoomControl), entering
 * it as its facilitator, and its invite links' routes; the sessions repository.
 */
export { type SessionsRepository } from './sessions.repository.js';
