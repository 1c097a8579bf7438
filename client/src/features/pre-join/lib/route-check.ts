import type { IceServer } from '@hearth/shared';

/**
 * [TN3] Whether this network can reach the others, judged from the ICE candidates the browser gathers with the
 * server's ICE servers. A relay candidate means the TURN relay answered with this credential, so a route exists
 * whatever the others' networks are; without TURN, a server-reflexive candidate (STUN answered) is the best sign
 * there is. With no ICE servers at all there is nothing to check: only host candidates would ever appear.
 */
export type RouteVerdict = 'route' | 'no_route' | 'not_checked';

export function routeVerdict(servers: readonly IceServer[], candidateTypes: readonly string[]): RouteVerdict {
  const urls = servers.flatMap((s) => (Array.isArray(s.urls) ? s.urls : [s.urls]));
  const hasTurn = urls.some((u) => /^turns?:/.test(u));
  const hasStun = urls.some((u) => /^stuns?:/.test(u));
  if (!hasTurn && !hasStun) return 'not_checked';
  if (candidateTypes.includes('relay')) return 'route';
  if (!hasTurn && candidateTypes.includes('srflx')) return 'route';
  return 'no_route';
}

/**
 * Gathers candidates with a data-channel-only connection (no camera needed, nothing is sent to anyone) and
 * returns their types. Stops early once a relay candidate appears; gives up after `timeoutMs`, as a TURN
 * server that cannot be reached never answers.
 */
export async function gatherCandidateTypes(servers: readonly IceServer[], timeoutMs = 8000): Promise<string[]> {
  const pc = new RTCPeerConnection({ iceServers: servers.map((s) => ({ ...s })) });
  const types: string[] = [];
  try {
    await new Promise<void>((resolve) => {
      const timer = window.setTimeout(resolve, timeoutMs);
      const done = () => {
        window.clearTimeout(timer);
        resolve();
      };
      pc.onicecandidate = (event) => {
        if (!event.candidate) return done();
        if (event.candidate.type) types.push(event.candidate.type);
        if (event.candidate.type === 'relay') done();
      };
      pc.createDataChannel('route-check');
      void pc.createOffer().then((offer) => pc.setLocalDescription(offer)).catch(done);
    });
  } finally {
    pc.close();
  }
  return types;
}
