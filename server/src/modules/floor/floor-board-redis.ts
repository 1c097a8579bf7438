import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { FloorBoard, type SessionFloor } from './floor-board.js';

/**
 * [ND8] The floor shared by several nodes: each session's floor (hands, order, holder, floor control, round,
 * nudges) is one value in Redis (`hearth:floor:<sessionId>`) with a version, and every node keeps a mirror for
 * its synchronous reads (an unmute under floor control, a LiveKit join's grant, what a joiner is sent).
 * A change runs under the session's lock (`SET NX`, released by a compare-and-delete script): the floor is
 * read from Redis, the change runs on it, and it is written back by a script that refuses unless the version
 * is still the one read (so even a lock that expired mid-change cannot let two changes both land). Two
 * facilitators on two nodes giving the floor at once: the changes run one after the other and every node
 * ends with the later one. Before the lock is released, the facts the change sent are fenced (the socket.io
 * adapter's connection answers a PING), so the next change's facts are added to the stream after them.
 * Where each hand owner was last told their place (`toldPlaces`) stays per node: it is about the connections
 * this node holds.
 */
interface StoredFloor {
  v: number;
  /** null once the room emptied: the version stays, so it only ever grows. */
  floor: Omit<SessionFloor, 'toldPlaces'> | null;
}

interface Announcement {
  s: string;
  v: number;
  floor: StoredFloor['floor'];
}

const CHANNEL = 'hearth:floor';
const floorKey = (sessionId: string) => `hearth:floor:${sessionId}`;
const lockKey = (sessionId: string) => `hearth:floor-lock:${sessionId}`;
const LOCK_MS = 5000;
// A live call's floor does not outlive a day without a change (a session that never ended properly).
const TTL_SECONDS = 24 * 3600;

// KEYS[1] the floor; ARGV: version read, new value, channel, announcement.
const SAVE_SCRIPT = `
local current = redis.call('GET', KEYS[1])
local version = 0
if current then version = cjson.decode(current).v end
if version ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ${TTL_SECONDS})
redis.call('PUBLISH', ARGV[3], ARGV[4])
return 1`;

const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export class FloorStepRefused extends Error {
  constructor() {
    super('the floor changed under a change that outlived its lock');
  }
}

export class RedisFloorBoard extends FloorBoard {
  private readonly versions = new Map<string, number>();
  private readonly inside = new AsyncLocalStorage<string>();

  constructor(
    private readonly commands: Redis,
    private readonly subscriber: Redis,
    /** Resolves once every fact this node has sent so far is in the adapter's stream. */
    private readonly fence: () => Promise<unknown>,
  ) {
    super();
  }

  async start(): Promise<void> {
    this.subscriber.on('message', (channel: string, text: string) => {
      if (channel !== CHANNEL) return;
      const message = JSON.parse(text) as Announcement;
      this.take(message.s, message.v, message.floor);
    });
    await this.subscriber.subscribe(CHANNEL);
  }

  override async serialize<T>(sessionId: string, body: () => Promise<T> | T): Promise<T> {
    // A change that leads to another on the same floor (e.g. a departure inside a command) is the same step.
    if (this.inside.getStore() === sessionId) return body();
    const token = randomUUID();
    await this.lock(sessionId, token);
    try {
      const read = await this.load(sessionId);
      const result = await this.inside.run(sessionId, body);
      await this.save(sessionId, read);
      await this.fence();
      return result;
    } finally {
      await this.commands.eval(RELEASE_SCRIPT, 1, lockKey(sessionId), token).catch(() => undefined);
    }
  }

  /** [RS4] Redis keeps the floor across a node's restart; the database snapshot is not needed for it. */
  override sessionIds(): string[] {
    return [];
  }

  override restore(): void {
    // Nothing to take back: the floor is in Redis.
  }

  private async lock(sessionId: string, token: string): Promise<void> {
    const deadline = Date.now() + LOCK_MS;
    // Waiting only orders the changes; what each one finds and leaves is decided by Redis, not by the wait.
    while ((await this.commands.set(lockKey(sessionId), token, 'PX', LOCK_MS, 'NX')) !== 'OK') {
      if (Date.now() > deadline) throw new FloorStepRefused();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  private async load(sessionId: string): Promise<number> {
    const text = await this.commands.get(floorKey(sessionId));
    const stored = text ? (JSON.parse(text) as StoredFloor) : null;
    const version = stored?.v ?? 0;
    // Even an older announcement still in flight cannot roll this back: the value read wins.
    this.versions.set(sessionId, Math.max(version, this.versions.get(sessionId) ?? 0));
    this.put(sessionId, stored?.floor ?? null);
    return version;
  }

  private async save(sessionId: string, read: number): Promise<void> {
    const floor = this.peek(sessionId);
    const kept = floor ? withoutToldPlaces(floor) : null;
    const v = read + 1;
    const value = JSON.stringify({ v, floor: kept } satisfies StoredFloor);
    const announcement: Announcement = { s: sessionId, v, floor: kept };
    const saved = await this.commands.eval(SAVE_SCRIPT, 1, floorKey(sessionId), String(read), value, CHANNEL, JSON.stringify(announcement));
    if (saved !== 1) throw new FloorStepRefused();
    this.versions.set(sessionId, Math.max(v, this.versions.get(sessionId) ?? 0));
  }

  /** An announcement, in Redis' order; one older than what this node read or wrote is ignored. */
  private take(sessionId: string, v: number, floor: StoredFloor['floor']): void {
    if (v <= (this.versions.get(sessionId) ?? 0)) return;
    this.versions.set(sessionId, v);
    this.put(sessionId, floor);
  }

  private put(sessionId: string, floor: StoredFloor['floor']): void {
    if (!floor) {
      super.clear(sessionId);
      return;
    }
    const toldPlaces = this.peek(sessionId)?.toldPlaces ?? new Map<string, number>();
    this.sessions.set(sessionId, { ...floor, toldPlaces });
  }
}

function withoutToldPlaces(floor: SessionFloor): StoredFloor['floor'] {
  const { toldPlaces: _toldPlaces, ...rest } = floor;
  return rest;
}
