/**
 * Front door of `waiting-room`: admission (pure verdict: banned / locked / wait / enter) and its gates
 * (room:join, the handshake's removed code, the invite links), and the in-memory waiting list [MD9]-[MD14].
 */
export { linkRefusal, removedCode } from './admission-gate.js';
export { bannedMessage } from './admission.js';
export { admitEveryoneWaiting } from './waiting-list-events.js';
