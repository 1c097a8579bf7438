import { lazy } from 'react';

/**
 * The room (socket.io-client, media, call UI) is its own chunk: sign-in, dashboard and pre-join
 * never download it. `preloadRoom` starts the download when the person presses Join, so it arrives
 * while the invite is being redeemed.
 */
export const preloadRoom = () => import('../features/room/components/room-page');

export const RoomPage = lazy(() => preloadRoom().then((module) => ({ default: module.RoomPage })));
