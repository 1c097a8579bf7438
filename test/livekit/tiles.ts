import type { Page } from 'playwright-core';
import { ParticipantInfo_State, TrackType, type ParticipantInfo, type RoomServiceClient } from 'livekit-server-sdk';
import { tile } from '../e2e/pages.js';

/**
 * What a page plays in one person's tile, and what LiveKit reports of that person: the two views the
 * LiveKit-mode browser tests compare.
 */

/** The live tracks of `kind` this page plays in `name`'s tile (livekit-client's muted tracks leave the tile). */
export function tracksInTile(page: Page, name: string, kind: 'audio' | 'video'): Promise<number> {
  return tile(page, name).evaluate((figure, kind) => {
    const tracks = [...figure.querySelectorAll<HTMLMediaElement>('video, audio')]
      .flatMap((media) => (media.srcObject instanceof MediaStream ? media.srcObject.getTracks() : []))
      .filter((track) => track.kind === kind && track.readyState === 'live');
    // The same stream can sit in both the <video> and the <audio> element.
    return new Set(tracks.map((track) => track.id)).size;
  }, kind);
}

/** Someone as LiveKit lists them: their tracks by kind, and what they may publish. */
export interface Listed {
  identity: string;
  name: string;
  audio: 'none' | 'muted' | 'on';
  video: 'none' | 'muted' | 'on';
  /** canPublishSources as LiveKit holds it (TrackSource numbers: 1 camera, 2 microphone). */
  sources: number[];
  hidden: boolean;
}

function trackState(p: ParticipantInfo, type: TrackType): Listed['audio'] {
  const track = p.tracks.find((t) => t.type === type);
  if (!track) return 'none';
  return track.muted ? 'muted' : 'on';
}

/** LiveKit's listParticipants for the room, by display name (only those whose media is connected). */
export async function listedByName(rooms: RoomServiceClient, room: string): Promise<Map<string, Listed>> {
  const everyone = await rooms.listParticipants(room);
  return new Map(
    everyone
      .filter((p) => p.state === ParticipantInfo_State.ACTIVE || p.state === ParticipantInfo_State.JOINED)
      .map((p) => [
        p.name,
        {
          identity: p.identity,
          name: p.name,
          audio: trackState(p, TrackType.AUDIO),
          video: trackState(p, TrackType.VIDEO),
          sources: [...(p.permission?.canPublishSources ?? [])].sort(),
          hidden: p.permission?.hidden ?? false,
        },
      ]),
  );
}

/**
 * How many inbound streams of `kind` this page is receiving right now, from anyone: inbound-rtp
 * reports over all its live peer connections whose packet count grew over `windowMs`. Counts what
 * the SFU forwards to the browser, whatever the page shows.
 */
export async function inboundStreamsFlowing(page: Page, kind: 'audio' | 'video', windowMs = 1_500): Promise<number> {
  const read = () =>
    page.evaluate(async (kind) => {
      const peers = (window as unknown as { __hearthTestPeers?: RTCPeerConnection[] }).__hearthTestPeers ?? [];
      const counts: Record<string, number> = {};
      for (const pc of peers) {
        if (pc.connectionState === 'closed') continue;
        for (const report of (await pc.getStats()).values()) {
          if (report.type === 'inbound-rtp' && report.kind === kind) counts[`${peers.indexOf(pc)}:${report.id}`] = Number(report.packetsReceived ?? 0);
        }
      }
      return counts;
    }, kind);
  const before = await read();
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const after = await read();
  return Object.entries(after).filter(([id, packets]) => packets > (before[id] ?? 0)).length;
}
