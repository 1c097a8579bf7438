/**
 * Reads WebRTC statistics from a page the way a person sees it: by the tile they look at. The app
 * has no debug hooks; instead recordPeerConnections() (test-side instrumentation, installed before
 * any app script runs) keeps a list of every RTCPeerConnection the page creates, and the probes match
 * a tile's <video>/<audio> tracks to the RTCRtpReceiver that delivers them.
 *
 * A tile is `<figure role="group" aria-label="...">` holding the media element(s) whose srcObject
 * carries that participant's tracks.
 */
import type { BrowserContext, Page } from 'playwright-core';

/**
 * Runs in every page before its own scripts. Kept as source text rather than a function: test
 * transpilers (tsx, esbuild keepNames) wrap named functions and classes in helpers such as __name
 * that do not exist in the page. A subclass keeps instanceof, statics and the prototype chain.
 */
const RECORD_PEERS_SCRIPT = `(() => {
  if (window.__hearthTestPeers || !window.RTCPeerConnection) return;
  const peers = [];
  Object.defineProperty(window, '__hearthTestPeers', { value: peers });
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(...args) {
      super(...args);
      peers.push(this);
    }
  };
})();`;

/** Wraps window.RTCPeerConnection so every instance is kept in window.__hearthTestPeers. */
export async function recordPeerConnections(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: RECORD_PEERS_SCRIPT });
}

type InboundField = 'framesDecoded' | 'framesReceived' | 'packetsReceived' | 'bytesReceived' | 'packetsLost';

/**
 * One inbound-rtp counter for the `kind` track shown in the tile named `tileLabel`; null when there
 * is no such tile, no media element with such a track in it, or no live peer receiving it.
 */
export async function inboundStatFor(
  page: Page,
  tileLabel: string,
  kind: 'audio' | 'video',
  field: InboundField,
): Promise<number | null> {
  const tile = page.getByRole('group', { name: tileLabel, exact: true });
  if ((await tile.count()) === 0) return null;
  return tile.evaluate(
    async (figure, { kind, field }) => {
      const trackIds = new Set<string>();
      for (const media of figure.querySelectorAll<HTMLMediaElement>('video, audio')) {
        if (!(media.srcObject instanceof MediaStream)) continue;
        for (const track of media.srcObject.getTracks()) if (track.kind === kind) trackIds.add(track.id);
      }
      const peers = (window as unknown as { __hearthTestPeers?: RTCPeerConnection[] }).__hearthTestPeers ?? [];
      for (const pc of peers) {
        if (pc.connectionState === 'closed') continue;
        for (const receiver of pc.getReceivers()) {
          if (!trackIds.has(receiver.track.id)) continue;
          for (const report of (await receiver.getStats()).values()) {
            if (report.type === 'inbound-rtp' && report.kind === kind) return Number(report[field] ?? 0);
          }
          return 0; // the receiver exists but no RTP has arrived yet
        }
      }
      return null;
    },
    { kind, field },
  );
}

export function framesDecodedFor(page: Page, tileLabel: string): Promise<number | null> {
  return inboundStatFor(page, tileLabel, 'video', 'framesDecoded');
}

export function audioPacketsReceivedFor(page: Page, tileLabel: string): Promise<number | null> {
  return inboundStatFor(page, tileLabel, 'audio', 'packetsReceived');
}

/** Packets this page sent of `kind`, summed over all its peers (the sender's side of "mic off"). */
export async function packetsSent(page: Page, kind: 'audio' | 'video'): Promise<number> {
  return page.evaluate(async (kind) => {
    const peers = (window as unknown as { __hearthTestPeers?: RTCPeerConnection[] }).__hearthTestPeers ?? [];
    let total = 0;
    for (const pc of peers) {
      if (pc.connectionState === 'closed') continue;
      for (const report of (await pc.getStats()).values()) {
        if (report.type === 'outbound-rtp' && report.kind === kind) total += Number(report.packetsSent ?? 0);
      }
    }
    return total;
  }, kind);
}

export interface PollOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/** Calls `read` until `done` accepts its value; throws with the last value after the timeout. */
export async function pollUntil<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 15_000, intervalMs = 100 }: PollOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(value)})`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Waits until the tile has decoded at least `atLeast` video frames; returns the count. */
export async function waitForFramesDecoded(
  page: Page,
  tileLabel: string,
  atLeast = 1,
  options?: PollOptions,
): Promise<number> {
  const frames = await pollUntil(
    `${atLeast} decoded frame(s) in "${tileLabel}"`,
    () => framesDecodedFor(page, tileLabel),
    (n) => n !== null && n >= atLeast,
    options,
  );
  return frames ?? 0;
}

export function waitForFirstRemoteFrame(page: Page, tileLabel: string, options?: PollOptions): Promise<number> {
  return waitForFramesDecoded(page, tileLabel, 1, options);
}

/** Waits until `read` keeps growing: two readings `windowMs` apart differ. Proves media flows now. */
export async function waitForGrowth(
  what: string,
  read: () => Promise<number | null>,
  { windowMs = 1_000, ...options }: PollOptions & { windowMs?: number } = {},
): Promise<void> {
  let previous = await read();
  await pollUntil(
    `${what} to grow`,
    async () => {
      await new Promise((resolve) => setTimeout(resolve, windowMs));
      const current = await read();
      const grew = current !== null && previous !== null && current > previous;
      previous = current;
      return grew;
    },
    (grew) => grew,
    { intervalMs: 0, ...options },
  );
}

/**
 * Waits until `read` stops growing: unchanged over `quietMs` (longer than any jitter buffer or
 * packetisation delay). Proves media stopped arriving, e.g. audio from a muted member.
 */
export async function waitForStall(
  what: string,
  read: () => Promise<number | null>,
  { quietMs = 1_500, ...options }: PollOptions & { quietMs?: number } = {},
): Promise<number | null> {
  let previous = await read();
  let value: number | null = previous;
  await pollUntil(
    `${what} to stop growing`,
    async () => {
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      value = await read();
      // A missing tile is not "stopped": it would make a mute test pass for the wrong reason.
      const still = value !== null && value === previous;
      previous = value;
      return still;
    },
    (still) => still,
    { intervalMs: 0, ...options },
  );
  return value;
}

export function waitForAudioFlowing(page: Page, tileLabel: string, options?: PollOptions): Promise<void> {
  return waitForGrowth(`audio packets from "${tileLabel}"`, () => audioPacketsReceivedFor(page, tileLabel), options);
}

export function waitForAudioStopped(page: Page, tileLabel: string, options?: PollOptions & { quietMs?: number }): Promise<number | null> {
  return waitForStall(`audio packets from "${tileLabel}"`, () => audioPacketsReceivedFor(page, tileLabel), options);
}
