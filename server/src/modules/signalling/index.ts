/**
 * Front door of `signalling`: the mesh's WebSocket endpoint and relay hub. Relays only between people the
 * room registry says are admitted to the same session ([PA4] the aside channel only between its two), under
 * per-sender message and byte budgets.
 */
export { SignallingHub, type AsidePairs } from './signalling-hub.js';
