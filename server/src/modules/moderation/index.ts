/**
 * Front door of `moderation`: mute, remove, ban, lock, mute everyone, ask to unmute, stop video; the
 * policy (pure, [MD17]); the MediaGateway port, called first so the media server enforces it [MD8].
 */
export { type MediaGateway, MediaGatewayError } from './media-gateway.js';
