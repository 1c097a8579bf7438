import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { newPage } from './browser.js';

/**
 * The real livekit-client in a Chromium page of its own, driven by the test rather than by Hearth's
 * client: what a person who took their Hearth join token out of the app (a tampered client) can do
 * with it, and what a member's livekit-client is told about the room (`room.remoteParticipants`).
 * The page loads livekit-client's UMD build from node_modules, on Hearth's origin (a secure context
 * for the fake devices); it has a fake camera and microphone like every test page.
 */
// The package exports only its entry points: find its dist folder from the main one.
const umdPath = join(dirname(createRequire(import.meta.url).resolve('livekit-client')), 'livekit-client.umd.js');

export interface LiveKitPage {
  page: Page;
  /** Why livekit-client's connect() failed, or null when it connected. */
  connectError(): string | null;
  /** What this client's livekit-client holds of the others: identity, and the kinds of track it subscribed to. */
  remoteParticipants(): Promise<{ identity: string; name: string | undefined; tracks: string[] }[]>;
  /** Whether livekit-client still holds the connection (false once the SFU removed it). */
  connected(): Promise<boolean>;
  /** The reason livekit-client was given when the SFU disconnected it (DisconnectReason name), if any. */
  disconnectReason(): Promise<string | null>;
  /** Publishes the fake camera; resolves once the SFU accepted it. */
  publishCamera(): Promise<void>;
  /**
   * Publishes the fake microphone with livekit-client's own permission check switched off (a tampered
   * client), so only the SFU decides. Resolves 'published', 'refused: <reason>' when the SFU answered
   * the request with a refusal, or 'failed: <error>'.
   */
  forcePublishMicrophone(): Promise<string>;
  close(): Promise<void>;
}

/**
 * `mayBeRefused`: resolve even when livekit-client could not finish connecting (the SFU removed it while
 * it connected); `connectError()` then says why.
 */
export async function openLiveKitPage(browser: Browser, origin: string, url: string, token: string, { mayBeRefused = false } = {}): Promise<LiveKitPage> {
  const page = await newPage(browser);
  // Any page on the origin will do (a 404 answer is still a document); nothing of Hearth's client runs.
  await page.goto(`${origin}/livekit-test-page`);
  await page.addScriptTag({ path: umdPath });
  const connectError = await page.evaluate(
    async ({ url, token }) => {
      const LK = (window as unknown as { LivekitClient: typeof import('livekit-client') }).LivekitClient;
      const room = new LK.Room();
      const state = { reason: null as string | null };
      room.on(LK.RoomEvent.Disconnected, (reason?: number) => {
        state.reason = reason === undefined ? 'UNKNOWN' : (LK.DisconnectReason[reason] ?? String(reason));
      });
      Object.assign(window, { testRoom: room, testRoomState: state, testLK: LK });
      try {
        await room.connect(url, token);
        return null;
      } catch (error) {
        return String(error);
      }
    },
    { url, token },
  );
  if (connectError && !mayBeRefused) throw new Error(`livekit-client could not connect: ${connectError}`);
  type Win = { testRoom: import('livekit-client').Room; testRoomState: { reason: string | null }; testLK: typeof import('livekit-client') };
  return {
    page,
    connectError: () => connectError,
    remoteParticipants: () =>
      page.evaluate(() => {
        const { testRoom } = window as unknown as Win;
        return [...testRoom.remoteParticipants.values()].map((p) => ({
          identity: p.identity,
          name: p.name,
          tracks: [...p.trackPublications.values()].filter((t) => t.isSubscribed).map((t) => t.kind as string).sort(),
        }));
      }),
    connected: () => page.evaluate(() => (window as unknown as Win).testRoom.state === 'connected'),
    disconnectReason: () => page.evaluate(() => (window as unknown as Win).testRoomState.reason),
    publishCamera: async () => {
      await page.evaluate(async () => void (await (window as unknown as Win).testRoom.localParticipant.setCameraEnabled(true)));
    },
    forcePublishMicrophone: () =>
      page.evaluate(async () => {
        const { testRoom } = window as unknown as Win;
        const local = testRoom.localParticipant as unknown as { hasPermissionsToPublish: () => boolean };
        local.hasPermissionsToPublish = () => true;
        // The SFU's answer to the AddTrack request (livekit-client itself would only time out, ~10 s).
        const refused = new Promise<string>((resolve) => {
          const engine = (testRoom as unknown as { engine: { on(event: string, listener: (r: { reason: number; request: { case?: string } }) => void): void } }).engine;
          engine.on('signalRequestResponse', (response) => {
            // RequestResponse.Reason: 0 OK, 2 NOT_ALLOWED (livekit/livekit_rtc.proto).
            if (response.request.case === 'addTrack' && response.reason !== 0) resolve(response.reason === 2 ? 'refused: NOT_ALLOWED' : `refused: reason ${response.reason}`);
          });
        });
        const published = testRoom.localParticipant.setMicrophoneEnabled(true).then(
          () => 'published',
          (error: unknown) => `failed: ${String(error)}`,
        );
        return Promise.race([refused, published]);
      }),
    close: () => page.context().close(),
  };
}
