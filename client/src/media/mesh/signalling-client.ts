import { check, SignalCloseCode, SignalInSchema } from '@hearth/shared';
import type { SignalIn, SignalOut } from '@hearth/shared';
import type { MediaCloseReason } from '../media-connection.js';

/**
 * The mesh's WebSocket to `/api/signal`. It carries SDP and ICE between peers; the server stamps
 * `from` and decides whether the addressee may receive it, and holds messages for a peer whose
 * socket is not open yet. The ticket is single use, so this client never reconnects: it reports
 * why it closed and the room UI rejoins.
 */

export type SignalPayload = Pick<SignalOut, 'description' | 'candidate'>;
export type IncomingSignal = Extract<SignalIn, { type: 'signal' }>;

/** How long the server may take to bind the socket and answer `ready`. */
const READY_TIMEOUT_MS = 10_000;

export class SignallingRefused extends Error {
  constructor(readonly reason: MediaCloseReason) {
    super(`signalling closed: ${reason}`);
    this.name = 'SignallingRefused';
  }
}

export function signallingUrl(ticket: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api/signal?ticket=${encodeURIComponent(ticket)}`;
}

export function closeReasonFor(code: number): MediaCloseReason {
  switch (code) {
    case SignalCloseCode.badTicket:
      return 'bad_ticket';
    case SignalCloseCode.removed:
      return 'removed';
    case SignalCloseCode.replaced:
      return 'replaced';
    // [SG4] [SG5] This browser sent more than the server allows; a rejoin would only be closed again.
    case SignalCloseCode.overBudget:
    case SignalCloseCode.tooBig:
      return 'over_budget';
    default:
      return 'signalling_lost';
  }
}

export interface SignallingHandlers {
  onSignal(message: IncomingSignal): void;
  /** The socket closed after `ready` without close() being called. */
  onClose(reason: MediaCloseReason): void;
}

export class SignallingClient {
  private closedByUs = false;

  private constructor(
    private readonly socket: WebSocket,
    /** The participant id the server bound this socket to. */
    readonly participantId: string,
  ) {}

  /** Opens the socket and resolves once the server says `ready`; rejects with SignallingRefused. */
  static open(url: string, handlers: SignallingHandlers): Promise<SignallingClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      let client: SignallingClient | null = null;
      const timeout = setTimeout(() => {
        socket.close();
        reject(new SignallingRefused('signalling_lost'));
      }, READY_TIMEOUT_MS);

      socket.addEventListener('message', (event) => {
        const message = parse(event.data);
        if (!message) return;
        if (message.type === 'ready') {
          if (client) return;
          clearTimeout(timeout);
          client = new SignallingClient(socket, message.participantId);
          resolve(client);
        } else if (message.type === 'signal') {
          // Before `ready` nothing is addressed to us yet; after it, relay in arrival order.
          if (client) handlers.onSignal(message);
        } else {
          // The server rejected something we sent; the socket stays open. Nothing to retry.
          console.warn('[media] signalling error', message.error.code, message.error.message);
        }
      });

      socket.addEventListener('close', (event) => {
        clearTimeout(timeout);
        const reason = closeReasonFor(event.code);
        if (!client) reject(new SignallingRefused(reason));
        else if (!client.closedByUs) handlers.onClose(reason);
      });
    });
  }

  /** `channel: 'aside'` addresses the peer connection of a pull-aside rather than the group's. */
  send(to: string, payload: SignalPayload, channel?: SignalOut['channel']): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    const message: SignalOut = { type: 'signal', to, ...payload };
    if (channel) message.channel = channel;
    this.socket.send(JSON.stringify(message));
  }

  close(): void {
    if (this.closedByUs) return;
    this.closedByUs = true;
    this.socket.close(1000);
  }
}

function parse(data: unknown): SignalIn | null {
  if (typeof data !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    console.warn('[media] signalling message is not JSON');
    return null;
  }
  if (!check(SignalInSchema, value)) {
    console.warn('[media] signalling message does not match the protocol');
    return null;
  }
  return value;
}
