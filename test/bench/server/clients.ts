// Simulated participants: one plain socket.io-client connection each (websocket transport, no browser),
// connected and joined room by room in small batches so the server is not swamped at connect time.
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, type ApiError, type Role } from '@hearth/shared';
import type { TestSocket } from '../../support/sockets.js';
import type { Credential, RoomPlan } from './rooms.js';

export interface BenchClient {
  socket: TestSocket;
  room: number;
  role: Role;
  participantId: string;
  audio: boolean;
  video: boolean;
  /** Admitted to the room (joined and not since disconnected). */
  joined: boolean;
}

export interface BenchRoom {
  index: number;
  facilitators: BenchClient[];
  members: BenchClient[];
}

export interface ConnectReport {
  rooms: BenchRoom[];
  clients: BenchClient[];
  /** `connect:<code>` or `join:<code>` -> how many. */
  failures: Map<string, number>;
  joinMs: number[];
  elapsedMs: number;
}

const TIMEOUT_MS = 15_000;

/** Connects and joins one participant; `wire` installs fact listeners before anything can arrive. */
async function connectAndJoin(url: string, room: number, credential: Credential, wire: (client: BenchClient) => void): Promise<BenchClient | string> {
  const socket: TestSocket = io(url, {
    auth: { protocolVersion: PROTOCOL_VERSION, token: credential.token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: TIMEOUT_MS,
  });
  const client: BenchClient = { socket, room, role: credential.role, participantId: credential.participantId, audio: true, video: true, joined: false };
  wire(client);
  const refused = await new Promise<string | undefined>((resolve) => {
    socket.once('connect', () => resolve(undefined));
    socket.once('connect_error', (err: Error & { data?: ApiError }) => resolve(err.data?.code ?? err.message));
  });
  if (refused !== undefined) {
    socket.disconnect();
    return `connect:${refused}`;
  }
  try {
    const ack = await socket.timeout(TIMEOUT_MS).emitWithAck('room:join', { audio: true, video: true });
    if (!ack.ok) {
      // A refused participant leaves, as the real client does after showing why.
      socket.disconnect();
      return `join:${ack.error.code}`;
    }
  } catch {
    socket.disconnect();
    return 'join:timeout';
  }
  client.joined = true;
  return client;
}

/**
 * Rooms go in batches of about `socketsPerBatch` sockets; within a room the facilitators join first
 * (as in life), then the members together. The next batch starts when the previous one has joined.
 */
export async function connectRooms(
  url: string,
  plans: RoomPlan[],
  wire: (client: BenchClient) => void,
  socketsPerBatch = 200,
  onProgress?: (done: number) => void,
): Promise<ConnectReport> {
  const started = performance.now();
  const report: ConnectReport = { rooms: [], clients: [], failures: new Map(), joinMs: [], elapsedMs: 0 };
  const perRoom = Math.max(1, plans[0]?.credentials.length ?? 1);
  const roomsPerBatch = Math.max(1, Math.floor(socketsPerBatch / perRoom));
  const one = async (plan: RoomPlan, credential: Credential, room: BenchRoom) => {
    const t0 = performance.now();
    const result = await connectAndJoin(url, plan.index, credential, wire);
    if (typeof result === 'string') {
      report.failures.set(result, (report.failures.get(result) ?? 0) + 1);
      return;
    }
    report.joinMs.push(performance.now() - t0);
    report.clients.push(result);
    (result.role === 'member' ? room.members : room.facilitators).push(result);
  };
  for (let first = 0; first < plans.length; first += roomsPerBatch) {
    const batch = plans.slice(first, first + roomsPerBatch);
    await Promise.all(
      batch.map(async (plan) => {
        const room: BenchRoom = { index: plan.index, facilitators: [], members: [] };
        report.rooms.push(room);
        const leads = plan.credentials.filter((c) => c.role !== 'member');
        await Promise.all(leads.map((credential) => one(plan, credential, room)));
        await Promise.all(plan.credentials.filter((c) => c.role === 'member').map((credential) => one(plan, credential, room)));
      }),
    );
    onProgress?.(Math.min(plans.length, first + roomsPerBatch));
  }
  report.rooms.sort((a, b) => a.index - b.index);
  report.elapsedMs = performance.now() - started;
  return report;
}
