/**
 * Whether media still arrives on each received track, from inbound-rtp packet counters.
 *
 * Needed because a sender that turns its camera or microphone off with `replaceTrack(null)` just
 * stops sending: Chromium does not mute the receiving track then (it only does on renegotiation),
 * so `track.muted` alone would show a frozen last frame as "has video" forever.
 */

/** How often peers sample their counters; a device counts as off after one interval without packets. */
export const FLOW_SAMPLE_INTERVAL_MS = 1_000;

/** packetsReceived of each inbound RTP stream, by the id of the track it feeds. */
export function packetsByTrack(report: RTCStatsReport): Map<string, number> {
  const packets = new Map<string, number>();
  report.forEach((stats: { type?: string; trackIdentifier?: string; packetsReceived?: number }) => {
    if (stats.type === 'inbound-rtp' && stats.trackIdentifier) packets.set(stats.trackIdentifier, stats.packetsReceived ?? 0);
  });
  return packets;
}

/**
 * Tracks whose counter did not move between two samples. A track new in `current` is not stalled
 * yet, nor one whose counter went back (a new RTP stream started counting from zero).
 */
export function stalledTracks(previous: ReadonlyMap<string, number>, current: ReadonlyMap<string, number>): Set<string> {
  const stalled = new Set<string>();
  for (const [trackId, packets] of current) {
    if (previous.get(trackId) === packets) stalled.add(trackId);
  }
  return stalled;
}

export function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
