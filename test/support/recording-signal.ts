import { WebSocket } from 'ws';
import { ApiRoutes, type SignalIn } from '@hearth/shared';
import { settle } from './sockets.js';

/**
 * A signalling WebSocket bound to a participant's ticket that records everything it receives; resolves
 * once the server says `ready`. The socket is added to `opened` so the test's afterEach can close it.
 */
export async function openRecordingSignal(baseUrl: string, ticket: string, opened: WebSocket[]) {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${ApiRoutes.signal}?ticket=${encodeURIComponent(ticket)}`);
  opened.push(ws);
  const received: SignalIn[] = [];
  ws.on('message', (data) => received.push(JSON.parse(data.toString()) as SignalIn));
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const waitFor = async (match: (m: SignalIn) => boolean, timeoutMs = 3000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = received.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching message; got ${JSON.stringify(received)}`);
      await settle(10);
    }
  };
  await waitFor((m) => m.type === 'ready');
  return {
    received,
    waitFor,
    /** How the server closed the socket (code and reason). */
    closed,
    send: (message: unknown) => ws.send(JSON.stringify(message)),
    /** Sends text as is, and resolves once ws has handed it to the network (or failed to). */
    sendRaw: (text: string) => new Promise<void>((resolve) => ws.send(text, () => resolve())),
  };
}
