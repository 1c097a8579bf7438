import { preloadMedia } from '../media';

/**
 * The room (socket.io-client, media, call UI) is its own chunk: sign-in, dashboard and pre-join
 * never download it. `loadRoomPage` starts the download when the person presses Join, so it arrives
 * while the invite is being redeemed, and the join flow awaits it before showing the room.
 *
 * Not React.lazy + Suspense: React holds a revealed Suspense boundary back for ~300 ms after its
 * fallback appears (to avoid flicker), which would delay every join by that much.
 */
type RoomModule = typeof import('../features/room/room-page');

let roomModule: Promise<RoomModule> | undefined;

export function loadRoomPage(): Promise<RoomModule['RoomPage']> {
  // The mesh is the default mode; if the server says LiveKit, that code is fetched when the room asks.
  preloadMedia('mesh');
  roomModule ??= import('../features/room/room-page');
  // A failed download may succeed on the next Join.
  roomModule.catch(() => (roomModule = undefined));
  return roomModule.then((module) => module.RoomPage);
}
