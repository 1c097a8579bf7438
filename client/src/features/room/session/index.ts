/**
 * The room session: the one owner of the room's socket (use-room-socket.ts) and what every other part
 * of the room reads through `useRoomSession()`: the room as the server described it (room-state.ts,
 * pure), `command` and `listen`, the person's microphone and camera wishes, the room's status line
 * and the single-key shortcuts. Parts depend on it; it depends on no part.
 */
export { RoomSessionProvider, useRoomCall, useRoomSession, useRoomShortcut } from './room-session';
export type { RoomCall, RoomSession, RoomSessionProviderProps } from './room-session';
export type { MediaFlags, RoomCommand, RoomFact, RoomListen } from './use-room-socket';
export { createPartContext } from './part-context';
export { audioAllowed, isFinished } from './room-state';
export type { RoomPhase, SupportDetails } from './room-state';
export { closedMessage, refusedMessage } from './room-messages';
export type { RoomExitMessage } from './room-messages';
export { RoomMessage } from './room-message';
