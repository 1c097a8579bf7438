/**
 * The room's media: the media connection for each join (src/media behind one interface), this person's
 * own microphone and camera (M, V), recovery when media drops, and the tiles and toolbar. Depends on
 * the session only.
 */
export { RoomMediaProvider, useRoomMedia } from './room-media';
export type { LocalMedia, RoomMedia } from './room-media';
export { ControlsToolbar } from './controls-toolbar';
export { VideoGrid } from './video-grid';
export { VideoTile, mutedText } from './video-tile';
export { isObserver, observerIsPresent } from './observer';
export { createGentleTone } from './gentle-tone';
export type { GentleTone } from './gentle-tone';
