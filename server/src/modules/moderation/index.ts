/**
 * Front door of `moderation`: mute, remove, ban, lock, mute everyone, ask to unmute, stop video; the
 * policy (pure, [MD17]); every action goes through rooms' MediaGateway port first, so the media server
 * enforces it [MD8]. Nothing of it is used by other modules.
 */
export { mayModerate, muteAllTargets } from './moderation.policy.js';
