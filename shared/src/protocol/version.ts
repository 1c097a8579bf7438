/** Bumped whenever an event or payload changes shape; the socket handshake refuses a mismatch. */
export const PROTOCOL_VERSION = 6;
