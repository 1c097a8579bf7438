import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccessToken, TokenVerifier } from 'livekit-server-sdk';
import { afterEach, beforeEach } from 'vitest';
import { startLiveSession, type LiveSession } from './api.js';
import { startHearth, type TestHearth } from './hearth.js';
import { connectParticipant, type TestClient } from './sockets.js';

/**
 * A protocol-faithful stand-in for LiveKit's RoomService, for what a real server cannot be made to do
 * on demand (be down, answer with an error, be slow).
 * What it keeps of the real thing, so Hearth's code is tested against the wire and not against itself:
 * - Twirp JSON: `POST /twirp/livekit.RoomService/<Method>`, proto3 JSON bodies (camelCase; omitted
 *   fields are false, zero or empty; enums as strings);
 * - `Authorization: Bearer <JWT>` verified with the SDK's TokenVerifier; a missing one, or one without
 *   roomAdmin for the request's room, is 401 unauthenticated; one that does not verify, 401 in plain text;
 * - errors as `{code, msg}` with Twirp's HTTP status, content type exactly `application/json` (the
 *   SDK only reads the body as JSON then);
 * - UpdateParticipant replaces the permission set whole, and takes away published tracks whose source
 *   is no longer allowed;
 * - DeleteRoom disconnects everyone in the room ([LR16] a pull-aside's room is closed so).
 * test/livekit/room-service-contract.test.ts runs the same calls against this double and the real
 * livekit-server, so what it answers is checked against the real thing.
 * Every call is recorded (method, room, identity, the full permission set) for tests to assert on.
 */

export const DOUBLE_API_KEY = 'hearth-test-key';
export const DOUBLE_API_SECRET = 'hearth-test-secret-at-least-32-characters-long';

export type TrackKind = 'audio' | 'video';

export interface SeededTrack {
  sid: string;
  kind: TrackKind;
  muted?: boolean;
}

/** The permission set as LiveKit holds it after a call: every flag present. */
export interface FullPermission {
  canSubscribe: boolean;
  canPublish: boolean;
  canPublishData: boolean;
  canPublishSources: string[];
  hidden: boolean;
  recorder: boolean;
  canUpdateMetadata: boolean;
  agent: boolean;
}

export interface RecordedCall {
  method: string;
  room: string;
  identity?: string;
  trackSid?: string;
  muted?: boolean;
  permission?: FullPermission;
  /** The request body exactly as sent (to check what proto3 JSON omitted). */
  body: Record<string, unknown>;
  /** What the double answered: 200, or the error status. */
  status: number;
}

interface ParticipantState {
  sid: string;
  identity: string;
  name: string;
  tracks: SeededTrack[];
  permission: FullPermission;
}

type Failure = { kind: 'down' } | { kind: 'error'; status: number; code: string; msg: string };

const TWIRP_STATUS: Record<string, number> = {
  invalid_argument: 400,
  malformed: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  already_exists: 409,
  internal: 500,
  unavailable: 503,
};

export function fullPermission(json: Record<string, unknown> | undefined): FullPermission {
  const p = json ?? {};
  return {
    canSubscribe: p.canSubscribe === true,
    canPublish: p.canPublish === true,
    canPublishData: p.canPublishData === true,
    canPublishSources: Array.isArray(p.canPublishSources) ? (p.canPublishSources as string[]) : [],
    hidden: p.hidden === true,
    recorder: p.recorder === true,
    canUpdateMetadata: p.canUpdateMetadata === true,
    agent: p.agent === true,
  };
}

export class LiveKitDouble {
  readonly calls: RecordedCall[] = [];
  private readonly rooms = new Map<string, Map<string, ParticipantState>>();
  private failure: Failure | null = null;
  private readonly verifier: TokenVerifier;
  private sids = 0;

  private constructor(
    private readonly server: Server,
    readonly apiKey: string,
    readonly apiSecret: string,
  ) {
    this.verifier = new TokenVerifier(apiKey, apiSecret);
    server.on('request', (req, res) => void this.handle(req, res));
  }

  static async start(apiKey = DOUBLE_API_KEY, apiSecret = DOUBLE_API_SECRET): Promise<LiveKitDouble> {
    const server = createServer();
    const double = new LiveKitDouble(server, apiKey, apiSecret);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return double;
  }

  /** What Hearth's LIVEKIT_URL is set to (browsers would use ws://; the SDK maps it to http://). */
  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The environment that puts Hearth in LiveKit mode against this double. */
  get env(): Record<string, string> {
    return { LIVEKIT_URL: this.url, LIVEKIT_API_KEY: this.apiKey, LIVEKIT_API_SECRET: this.apiSecret };
  }

  /** Someone connected to the SFU, publishing these tracks, with the default permissions of a join. */
  seed(room: string, identity: string, tracks: SeededTrack[] = [], permission: Partial<FullPermission> = {}): void {
    const participants = this.rooms.get(room) ?? new Map<string, ParticipantState>();
    participants.set(identity, {
      sid: `PA_${++this.sids}`,
      identity,
      name: identity,
      tracks: tracks.map((t) => ({ ...t })),
      permission: { ...fullPermission({ canSubscribe: true, canPublish: true, canPublishData: true }), ...permission },
    });
    this.rooms.set(room, participants);
  }

  /** Whom the double holds as connected in the room, with their current state. */
  participant(room: string, identity: string): Readonly<ParticipantState> | undefined {
    return this.rooms.get(room)?.get(identity);
  }

  /**
   * Every later call fails this way until `recover()`: 'down' drops the connection, an error answers with
   * it. `onlyFor`: only calls about that identity fail (a refusal halfway through a two-person change).
   */
  fail(failure: 'down' | { status?: number; code: string; msg?: string }, onlyFor?: string): void {
    this.failure =
      failure === 'down'
        ? { kind: 'down' }
        : { kind: 'error', code: failure.code, status: failure.status ?? TWIRP_STATUS[failure.code] ?? 500, msg: failure.msg ?? failure.code };
    this.failingIdentity = onlyFor ?? null;
  }

  recover(): void {
    this.failure = null;
    this.failingIdentity = null;
  }

  private failingIdentity: string | null = null;

  private failureFor(identity: string | undefined): Failure | null {
    return this.failingIdentity === null || this.failingIdentity === identity ? this.failure : null;
  }

  /** Calls of one method, in order. */
  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = /^\/twirp\/livekit\.RoomService\/(\w+)$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match?.[1]) return send(res, 404, { code: 'bad_route', msg: 'no such route' });
    // Twirp routes JSON requests by content type; anything else (protobuf aside) is a bad route.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 404, { code: 'bad_route', msg: 'unexpected content type' });
    const method = match[1];
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return send(res, 400, { code: 'malformed', msg: 'body is not JSON' });
    }
    const room = typeof body.room === 'string' ? body.room : '';
    const call: RecordedCall = { method, room, body, status: 0 };
    if (typeof body.identity === 'string') call.identity = body.identity;
    if (typeof body.trackSid === 'string') call.trackSid = body.trackSid;
    if (method === 'MutePublishedTrack') call.muted = body.muted === true;
    if (method === 'UpdateParticipant') call.permission = fullPermission(body.permission as Record<string, unknown> | undefined);
    this.calls.push(call);

    const failure = this.failureFor(call.identity);
    if (failure?.kind === 'down') {
      call.status = -1;
      req.socket.destroy();
      return;
    }
    const answer = await this.answer(method, room, body, req.headers.authorization, failure);
    call.status = answer.status;
    if (answer.text) res.writeHead(answer.status, { 'content-type': 'text/plain; charset=utf-8' }).end(String(answer.body));
    else send(res, answer.status, answer.body);
  }

  private async answer(method: string, room: string, body: Record<string, unknown>, authorization: string | undefined, failure: Failure | null): Promise<{ status: number; body: unknown; text?: true }> {
    const refusal = await this.authorise(method, authorization, room);
    if (refusal) return refusal;
    if (failure?.kind === 'error') return error(failure.code, failure.msg, failure.status);
    const participants = this.rooms.get(room);
    const identity = typeof body.identity === 'string' ? body.identity : '';
    const target = participants?.get(identity);
    switch (method) {
      case 'ListParticipants':
        return ok({ participants: [...(participants?.values() ?? [])].map(toJson) });
      case 'GetParticipant':
        return target ? ok(toJson(target)) : error('not_found', 'participant not found');
      case 'MutePublishedTrack': {
        // As livekit-server v1.13.5 answers: someone not in the room is 503 unavailable (after ~3 s there:
        // no node answers for them), and a track sid they do not publish is a success with no track.
        if (!target) return error('unavailable', 'twirp error unknown: no response from servers');
        const track = target.tracks.find((t) => t.sid === body.trackSid);
        if (!track) return ok({});
        // Remote unmute is off in Hearth's deployment, as LiveKit's default: muted:false is refused.
        if (body.muted !== true) return error('invalid_argument', 'remote unmute is not enabled');
        track.muted = true;
        return ok({ track: trackJson(track) });
      }
      case 'UpdateParticipant':
        if (!target) return error('not_found', 'participant not found');
        target.permission = fullPermission(body.permission as Record<string, unknown> | undefined);
        // As LiveKit does: a source no longer allowed has its published track taken away (an empty
        // canPublishSources allows every source; canPublish false allows none).
        target.tracks = target.tracks.filter((t) => mayPublish(target.permission, t.kind));
        return ok(toJson(target));
      case 'RemoveParticipant':
        if (!target || !participants) return error('not_found', 'participant not found');
        participants.delete(identity);
        return ok({});
      case 'DeleteRoom':
        // As livekit-server v1.13.5 answers (contract suite): everyone in it is disconnected; a room
        // that is not there is not_found.
        if (!participants) return error('not_found', 'requested room does not exist');
        this.rooms.delete(room);
        return ok({});
      default:
        return error('bad_route', `method ${method} not in this double`, 404);
    }
  }

  /**
   * As livekit-server v1.13.5 answers (checked by the contract suite): a missing header, or a good token
   * that is no room admin of this room, is 401 unauthenticated "permissions denied" in Twirp JSON; a token
   * that does not verify is 401 in plain text, which the SDK raises with no code.
   */
  private async authorise(method: string, authorization: string | undefined, room: string): Promise<{ status: number; body: unknown; text?: true } | undefined> {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!token) return error('unauthenticated', 'permissions denied');
    try {
      const claims = await this.verifier.verify(token);
      // DeleteRoom asks for roomCreate (any room), as the SDK sends it; the rest for roomAdmin of the room.
      if (method === 'DeleteRoom') return claims.video?.roomCreate === true ? undefined : error('unauthenticated', 'permissions denied');
      if (claims.video?.roomAdmin !== true || claims.video.room !== room) return error('unauthenticated', 'permissions denied');
      return undefined;
    } catch {
      return { status: 401, body: 'invalid authorization token', text: true };
    }
  }
}

function mayPublish(permission: FullPermission, kind: TrackKind): boolean {
  if (!permission.canPublish) return false;
  const sources = permission.canPublishSources;
  return sources.length === 0 || sources.includes(kind === 'audio' ? 'MICROPHONE' : 'CAMERA');
}

function ok(body: unknown) {
  return { status: 200, body };
}

function error(code: string, msg: string, status = TWIRP_STATUS[code] ?? 500) {
  return { status, body: { code, msg } };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function trackJson(track: SeededTrack) {
  return {
    sid: track.sid,
    type: track.kind === 'audio' ? 'AUDIO' : 'VIDEO',
    source: track.kind === 'audio' ? 'MICROPHONE' : 'CAMERA',
    ...(track.muted ? { muted: true } : {}),
  };
}

/** proto3 JSON of ParticipantInfo: false flags and empty lists left out, as LiveKit sends it. */
function toJson(p: ParticipantState) {
  const permission = Object.fromEntries(Object.entries(p.permission).filter(([, v]) => v !== false && !(Array.isArray(v) && v.length === 0)));
  return { sid: p.sid, identity: p.identity, name: p.name, state: 'ACTIVE', tracks: p.tracks.map(trackJson), permission };
}

/**
 * A webhook as LiveKit sends it: the JSON body, and an Authorization JWT (no "Bearer") signed with the
 * key and secret whose sha256 claim is the base64 SHA-256 of the exact body.
 */
export async function signedWebhook(
  event: Record<string, unknown>,
  options: { apiKey?: string; apiSecret?: string; ttlSeconds?: number } = {},
): Promise<{ body: string; authorization: string }> {
  const body = JSON.stringify(event);
  const token = new AccessToken(options.apiKey ?? DOUBLE_API_KEY, options.apiSecret ?? DOUBLE_API_SECRET, { ttl: options.ttlSeconds ?? 600 });
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return { body, authorization: await token.toJwt() };
}

/**
 * A fresh LiveKit double, and a Hearth in LiveKit mode pointed at it, with a live session, for every
 * test (the LiveKit counterpart of useLiveRoom).
 */
export function useLiveKitRoom() {
  const clients: TestClient[] = [];
  const fixture = {
    hearth: undefined as unknown as TestHearth,
    live: undefined as unknown as LiveSession,
    livekit: undefined as unknown as LiveKitDouble,
    async connect(token: string): Promise<TestClient> {
      const client = await connectParticipant(fixture.hearth.url, token);
      clients.push(client);
      return client;
    },
  };
  beforeEach(async () => {
    fixture.livekit = await LiveKitDouble.start();
    fixture.hearth = await startHearth({ env: fixture.livekit.env });
    fixture.live = await startLiveSession(fixture.hearth);
  });
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.close());
    await fixture.hearth.close();
    await fixture.livekit.close();
  });
  return fixture;
}
