import WebSocket from 'ws';
import { inject } from 'vitest';
import type { RealLiveKit, WebhookDelivery } from './global-livekit.js';

/** The run's real livekit-server (test/support/global-livekit.ts). */
export function realLiveKit(): RealLiveKit {
  return inject('livekit');
}

/** Hearth's environment for LiveKit mode against the real server. */
export function realLiveKitEnv(livekit: Pick<RealLiveKit, 'url' | 'apiUrl' | 'apiKey' | 'apiSecret'> = realLiveKit()): Record<string, string> {
  return { LIVEKIT_URL: livekit.url, LIVEKIT_API_URL: livekit.apiUrl, LIVEKIT_API_KEY: livekit.apiKey, LIVEKIT_API_SECRET: livekit.apiSecret };
}

/** Sends the real server's webhooks to this Hearth until the returned function is called. */
export async function forwardWebhooksTo(hearthUrl: string, livekit: RealLiveKit = realLiveKit()): Promise<() => Promise<void>> {
  const body = JSON.stringify({ url: `${hearthUrl}/livekit/webhook` });
  const send = async (method: 'POST' | 'DELETE') => {
    const response = await fetch(`${livekit.webhookFanOutUrl}/targets`, { method, headers: { 'content-type': 'application/json' }, body });
    if (!response.ok) throw new Error(`webhook fan-out answered ${response.status}`);
  };
  await send('POST');
  return () => send('DELETE');
}

/** What this Hearth answered to each webhook the real server sent it. */
export async function webhookDeliveries(hearthUrl: string, livekit: RealLiveKit = realLiveKit()): Promise<WebhookDelivery[]> {
  const all = (await (await fetch(`${livekit.webhookFanOutUrl}/deliveries`)).json()) as WebhookDelivery[];
  return all.filter((d) => d.target === `${hearthUrl}/livekit/webhook`);
}

/**
 * Joins LiveKit's signalling as livekit-client does first (GET /rtc upgraded to a WebSocket). Enough
 * for LiveKit to admit or refuse the token and list the participant; publishing media needs a browser.
 * Resolves with the open socket, or with the HTTP status LiveKit refused the upgrade with.
 */
export function joinLiveKitSignal(url: string, token: string): Promise<{ socket: WebSocket; closed: Promise<void> } | { refusedWith: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url}/rtc?access_token=${encodeURIComponent(token)}&protocol=15&sdk=js&auto_subscribe=1`);
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.once('open', () => resolve({ socket, closed }));
    socket.once('unexpected-response', (_request, response) => resolve({ refusedWith: response.statusCode ?? 0 }));
    socket.once('error', reject);
  });
}
