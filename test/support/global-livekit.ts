import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLiveKit, type RunningLiveKit } from '../../scripts/livekit-server.mjs';

export interface RealLiveKit {
  url: string;
  apiUrl: string;
  apiKey: string;
  apiSecret: string;
  /** The webhook fan-out (see webhookFanOut): /targets, /deliveries. */
  webhookFanOutUrl: string;
}

export interface WebhookDelivery {
  target: string;
  event: string;
  room: string;
  status: number;
  answer: unknown;
}

declare module 'vitest' {
  export interface ProvidedContext {
    livekit: RealLiveKit;
  }
}

/**
 * LiveKit's webhook URLs are fixed in its config when it starts, but each test file starts its own
 * Hearth on a free port. So LiveKit posts to this small fan-out, which passes the exact bytes and the
 * Authorization header on to every Hearth registered at that moment: Hearth still verifies LiveKit's
 * own signature. POST /targets {url} registers, DELETE /targets {url} unregisters. GET /deliveries lists
 * what each Hearth answered to each event (what LiveKit itself sees of a delivery), newest last.
 */
function webhookFanOut(): Promise<Server> {
  const targets = new Set<string>();
  const deliveries: WebhookDelivery[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      if (request.url === '/deliveries') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(deliveries));
        return;
      }
      if (request.url === '/targets') {
        const { url } = JSON.parse(body.toString('utf8')) as { url: string };
        if (request.method === 'POST') targets.add(url);
        else targets.delete(url);
        response.writeHead(204).end();
        return;
      }
      const headers: Record<string, string> = { 'content-type': request.headers['content-type'] ?? 'application/webhook+json' };
      if (request.headers.authorization) headers.authorization = request.headers.authorization;
      // A Hearth that has already closed refuses the connection: that is its business, not LiveKit's.
      const { event = '', room } = JSON.parse(body.toString('utf8')) as { event?: string; room?: { name?: string } };
      void Promise.allSettled(
        [...targets].map(async (url) => {
          const answer = await fetch(url, { method: 'POST', headers, body });
          deliveries.push({ target: url, event, room: room?.name ?? '', status: answer.status, answer: await answer.json() });
        }),
      );
      response.writeHead(200).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface Shared {
  users: number;
  ready: Promise<{ livekit: RunningLiveKit; fanOut: Server; provided: RealLiveKit }>;
}

// Several projects (integration, e2e) list this setup; all run in Vitest's main process, so a count on
// globalThis keeps it to one livekit-server per run.
const shared = globalThis as typeof globalThis & { hearthLiveKit?: Shared };

async function bringUp() {
  const fanOut = await webhookFanOut();
  const { port } = fanOut.address() as AddressInfo;
  const livekit = await startLiveKit({ webhookUrls: [`http://127.0.0.1:${port}/livekit/webhook`], log: console.log });
  const provided: RealLiveKit = {
    url: livekit.url,
    apiUrl: livekit.apiUrl,
    apiKey: livekit.apiKey,
    apiSecret: livekit.apiSecret,
    webhookFanOutUrl: `http://127.0.0.1:${port}`,
  };
  return { livekit, fanOut, provided };
}

/** One real livekit-server (scripts/livekit-server.mjs) for the run, shared by the LiveKit tests. */
export default async function setup(project: TestProject) {
  shared.hearthLiveKit ??= { users: 0, ready: bringUp() };
  const current = shared.hearthLiveKit;
  current.users += 1;
  const { provided } = await current.ready;
  project.provide('livekit', provided);
  return async () => {
    current.users -= 1;
    if (current.users > 0) return;
    shared.hearthLiveKit = undefined;
    const { livekit, fanOut } = await current.ready;
    await livekit.stop();
    await new Promise((resolve) => fanOut.close(resolve));
  };
}
