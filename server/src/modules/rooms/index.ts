/**
 * Front door of `rooms`: who is admitted where (the registry), presence facts [SV1], room state (pure
 * transitions), closing a session's room, and room:join as a pipeline whose gates and joined facts
 * capabilities provide (join-pipeline.ts). Depends on realtime and recipients only.
 */
export { MediaGatewayError, meshMediaGateway, type MediaGateway } from './media-gateway.js';
export { type JoinGate, type MediaGate } from './join-pipeline.js';
export { emitPresence } from './presence-events.js';
export { type Presence, type RoomRegistry } from './room-registry.js';
export { withFacilitatorMute } from './room-state.js';
