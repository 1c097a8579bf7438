/**
 * Front door of `recipients`: who receives each kind of message, as pure functions over the room's
 * presences. Depends on the protocol only, so every capability may use it.
 */
export { facilitators, hiddenMediaPeers, members, staff, visibleParticipants, visibleTo, type Except, type Reachable } from './recipients.js';
