// The real livekit-server for the benchmarks (LiveKit mode), started by the bench itself rather than by
// Vitest's global setup (test/support/global-livekit.ts). LiveKit's webhook URLs are fixed when it starts and
// Hearth listens on a free port chosen later, so LiveKit posts to a small relay that passes the exact bytes
// and LiveKit's signature on to the Hearth named with `forwardTo` (Hearth still verifies the signature).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLiveKit, type RunningLiveKit } from '../../scripts/livekit-server.mjs';

export interface BenchLiveKit {
  livekit: RunningLiveKit;
  /** Hearth's environment for LiveKit mode against this server. */
  env: Record<string, string>;
  /** Webhooks go to this Hearth from now on. */
  forwardTo(hearthUrl: string): void;
  close(): Promise<void>;
}

export async function startBenchLiveKit({ udpPorts = 10 } = {}): Promise<BenchLiveKit> {
  let target: string | null = null;
  const relay = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      response.writeHead(200).end();
      if (target === null) return;
      const headers: Record<string, string> = { 'content-type': request.headers['content-type'] ?? 'application/webhook+json' };
      if (request.headers.authorization) headers.authorization = request.headers.authorization;
      // A Hearth that has already closed refuses the connection: nothing to do about it here.
      fetch(`${target}/livekit/webhook`, { method: 'POST', headers, body: Buffer.concat(chunks) }).catch(() => undefined);
    });
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port } = relay.address() as AddressInfo;
  const livekit = await startLiveKit({ webhookUrls: [`http://127.0.0.1:${port}/livekit/webhook`], udpPorts, log: console.log });
  return {
    livekit,
    env: { LIVEKIT_URL: livekit.url, LIVEKIT_API_URL: livekit.apiUrl, LIVEKIT_API_KEY: livekit.apiKey, LIVEKIT_API_SECRET: livekit.apiSecret },
    forwardTo: (hearthUrl) => void (target = hearthUrl),
    close: async () => {
      await livekit.stop();
      await new Promise((resolve) => relay.close(resolve));
    },
  };
}
