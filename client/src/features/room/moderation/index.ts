/**
 * Moderation: session controls, the waiting list and the waiting room [MD9], Mute, Remove and the rest
 * of the moderation set, the ask to unmute. Depends on media and the session.
 */
export { ModerationProvider, useModeration } from './moderation-context';
export { SessionControls } from './session-controls';
export { ParticipantModeration } from './participant-moderation';
export { WaitingRoom } from './waiting-room';
