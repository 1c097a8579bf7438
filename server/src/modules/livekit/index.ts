/**
 * Front door of `livekit`: LiveKit mode. Grants by role (pure; every token and updateParticipant comes
 * from them), join tokens, the MediaGateway over RoomServiceClient, room:join's media gate [LK6] and the
 * webhook. Depends on moderation's MediaGateway port.
 */
export { NO_PERMISSIONS, joinGrantFor, permissionFor, type PermissionSet } from './livekit-grants.js';
export { LIVEKIT_ROOM_CAPACITY, mayPublishAudioNow } from './media-access.js';
export { asideRoomName, mintAsideToken, parseAsideRoom } from './livekit-tokens.js';
export { rotateMediaKey } from './media-key-rotation.js';
