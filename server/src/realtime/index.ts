/**
 * Front door of `realtime`: the socket.io layer under every capability. The command wrapper (role,
 * joined, rate budget, schema, in that order), the socket types and channels, the handshake's port.
 * Depends on the protocol and lib only: the composition root hands it the handlers.
 */
export { onCommand, type Handler } from './command.js';
export { type Identify } from './handshake.js';
export { connectionsChannel, type HearthServer, type HearthSocket, participantChannel, sessionChannel, staffChannel, type SocketIdentity } from './socket-types.js';
