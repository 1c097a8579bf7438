import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RoomRegistry, type AdmitResult, type Presence } from './room-registry.js';

/**
 * [ND7] Presence shared by several nodes (REDIS_URL): who is in each room, with role and media state, is kept
 * in Redis (`hearth:presence:<sessionId>`, a hash participant -> presence and the node that holds the socket),
 * and every node keeps a mirror of all of it in memory, so the registry's interface stays synchronous and
 * handlers read it as they always did. Why a mirror and not a Redis read per `get`: presence is read on every
 * command (who may do what, who receives what), and a room's few entries change rarely.
 * - Each change is written and announced in one MULTI (HSET/HDEL + PUBLISH), so every node sees the changes in
 *   the order Redis applied them; a node applies its own announcements too, so two nodes changing the same
 *   person at once (a mute on A, the member's own media state on B) end with the same state everywhere.
 * - A departure with a connection id is a compare-and-delete in Redis: a stale connection never removes the
 *   newer one, whichever node each is on.
 * - Listeners (departure, change) run on the node that made the change, once for the cluster, never on the
 *   mirrors: the floor, asides and talk time react once to a person leaving.
 * - A node heartbeats `hearth:node:<id>`; when one stops (kill -9), its people stay listed for `lostGraceMs`
 *   (time to reconnect to another node and find their hand still up), then one node (the compare-and-delete
 *   decides which) takes them out and `expired` tells the room.
 */
export interface SharedPresenceHooks {
  /** Someone on a lost node did not come back in time: the room is told they left. */
  expired: (sessionId: string, presence: Presence) => void;
  /** A connection on this node was replaced by the same person joining on another node: close it here. */
  replacedHere: (sessionId: string, replaced: Presence) => void;
  /** A Redis write failed (no personal data: the error's kind only). */
  error: (what: string, err: unknown) => void;
}

interface Stored {
  presence: Presence;
  nodeId: string;
}

/** An announcement: the session, and the participant's new entry (`v` null = gone); no `p` = the room cleared. */
interface Announcement {
  o: string;
  s: string;
  p?: string;
  v?: Stored | null;
}

const CHANNEL = 'hearth:presence';
const KEY_PREFIX = 'hearth:presence:';
const presenceKey = (sessionId: string) => `${KEY_PREFIX}${sessionId}`;
const nodeKey = (nodeId: string) => `hearth:node:${nodeId}`;

// KEYS[1] the room's hash; ARGV: participant, connection id ('' = any), channel, announcement.
const DEPART_SCRIPT = `
local current = redis.call('HGET', KEYS[1], ARGV[1])
if not current then return 0 end
if ARGV[2] ~= '' and cjson.decode(current).presence.connectionId ~= ARGV[2] then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('PUBLISH', ARGV[3], ARGV[4])
return 1`;

export interface SharedRoomRegistryOptions {
  heartbeatMs?: number;
  lostGraceMs?: number;
}

export class SharedRoomRegistry extends RoomRegistry {
  readonly nodeId: string = randomUUID();
  private readonly nodeOf = new Map<string, string>();
  private readonly lostSince = new Map<string, number>();
  private readonly heartbeatMs: number;
  private readonly lostGraceMs: number;
  private timers: NodeJS.Timeout[] = [];
  private buffered: Announcement[] | null = null;
  private sweeping = false;

  constructor(
    capacity: number,
    private readonly commands: Redis,
    private readonly subscriber: Redis,
    private readonly hooks: SharedPresenceHooks,
    options: SharedRoomRegistryOptions = {},
  ) {
    super(capacity);
    this.heartbeatMs = options.heartbeatMs ?? 1000;
    this.lostGraceMs = options.lostGraceMs ?? 30_000;
  }

  /** Subscribes, loads every room's presence, then heartbeats and watches for lost nodes. */
  async start(): Promise<void> {
    this.subscriber.on('message', (channel: string, text: string) => {
      if (channel !== CHANNEL) return;
      const message = JSON.parse(text) as Announcement;
      if (this.buffered) this.buffered.push(message);
      else this.apply(message);
    });
    await this.subscriber.subscribe(CHANNEL);
    await this.load();
    // After Redis was away: what this node holds is written again (writes may have failed), then reloaded.
    this.subscriber.on('ready', () => void this.resync().catch((err: unknown) => this.hooks.error('presence resync', err)));
    await this.beat();
    this.timers.push(setInterval(() => void this.beat().catch(() => undefined), this.heartbeatMs));
    this.timers.push(setInterval(() => void this.sweep().catch((err: unknown) => this.hooks.error('presence sweep', err)), this.heartbeatMs));
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }

  override admit(sessionId: string, presence: Presence): AdmitResult {
    const result = super.admit(sessionId, presence);
    if (result.ok) this.save(sessionId, presence);
    return result;
  }

  override depart(sessionId: string, participantId: string, connectionId?: string): Presence | undefined {
    const departed = super.depart(sessionId, participantId, connectionId);
    if (departed) {
      this.nodeOf.delete(entryKey(sessionId, participantId));
      this.remove(sessionId, participantId, connectionId ?? '').catch((err: unknown) => this.hooks.error('presence depart', err));
    }
    return departed;
  }

  override update(sessionId: string, participantId: string, change: Parameters<RoomRegistry['update']>[2]): ReturnType<RoomRegistry['update']> {
    const updated = super.update(sessionId, participantId, change);
    const presence = this.get(sessionId, participantId);
    if (updated && presence) this.save(sessionId, presence, this.nodeOf.get(entryKey(sessionId, participantId)));
    return updated;
  }

  override clear(sessionId: string): Presence[] {
    const cleared = super.clear(sessionId);
    for (const presence of cleared) this.nodeOf.delete(entryKey(sessionId, presence.participant.id));
    const announcement: Announcement = { o: this.nodeId, s: sessionId };
    this.commands
      .multi()
      .del(presenceKey(sessionId))
      .publish(CHANNEL, JSON.stringify(announcement))
      .exec()
      .catch((err: unknown) => this.hooks.error('presence clear', err));
    return cleared;
  }

  private save(sessionId: string, presence: Presence, nodeId: string = this.nodeId): void {
    this.nodeOf.set(entryKey(sessionId, presence.participant.id), nodeId);
    const stored: Stored = { presence, nodeId };
    const announcement: Announcement = { o: this.nodeId, s: sessionId, p: presence.participant.id, v: stored };
    this.commands
      .multi()
      .hset(presenceKey(sessionId), presence.participant.id, JSON.stringify(stored))
      .publish(CHANNEL, JSON.stringify(announcement))
      .exec()
      .catch((err: unknown) => this.hooks.error('presence write', err));
  }

  /** Compare-and-delete in Redis; resolves whether this call removed the entry. */
  private async remove(sessionId: string, participantId: string, connectionId: string): Promise<boolean> {
    const announcement: Announcement = { o: this.nodeId, s: sessionId, p: participantId, v: null };
    const removed = await this.commands.eval(DEPART_SCRIPT, 1, presenceKey(sessionId), participantId, connectionId, CHANNEL, JSON.stringify(announcement));
    return removed === 1;
  }

  /** Another node's (or this node's own) change, in Redis' order; listeners do not run on mirrors. */
  private apply(message: Announcement): void {
    if (message.p === undefined) {
      for (const presence of this.rooms.get(message.s)?.values() ?? []) this.nodeOf.delete(entryKey(message.s, presence.participant.id));
      this.rooms.delete(message.s);
      return;
    }
    const key = entryKey(message.s, message.p);
    const room = this.rooms.get(message.s) ?? new Map<string, Presence>();
    const previous = room.get(message.p);
    const previousNode = this.nodeOf.get(key);
    if (message.v) {
      room.set(message.p, message.v.presence);
      this.rooms.set(message.s, room);
      this.nodeOf.set(key, message.v.nodeId);
      // The same person joined through another node: the connection this node holds for them goes.
      if (message.o !== this.nodeId && previous && previousNode === this.nodeId && previous.connectionId !== message.v.presence.connectionId) {
        this.hooks.replacedHere(message.s, previous);
      }
      return;
    }
    room.delete(message.p);
    this.nodeOf.delete(key);
    if (room.size === 0) this.rooms.delete(message.s);
  }

  private async load(): Promise<void> {
    this.buffered = [];
    try {
      const loaded = new Map<string, Map<string, Stored>>();
      let cursor = '0';
      do {
        const [next, keys] = await this.commands.scan(cursor, 'MATCH', `${KEY_PREFIX}*`, 'COUNT', 200);
        cursor = next;
        for (const key of keys) {
          const entries = await this.commands.hgetall(key);
          loaded.set(key.slice(KEY_PREFIX.length), new Map(Object.entries(entries).map(([id, text]) => [id, JSON.parse(text) as Stored])));
        }
      } while (cursor !== '0');
      this.rooms.clear();
      this.nodeOf.clear();
      for (const [sessionId, entries] of loaded) {
        const room = new Map<string, Presence>();
        for (const [participantId, stored] of entries) {
          room.set(participantId, stored.presence);
          this.nodeOf.set(entryKey(sessionId, participantId), stored.nodeId);
        }
        if (room.size > 0) this.rooms.set(sessionId, room);
      }
    } finally {
      // What was announced while loading is newer than or equal to what was read: applied after, in order.
      const pending = this.buffered ?? [];
      this.buffered = null;
      for (const message of pending) this.apply(message);
    }
  }

  private async resync(): Promise<void> {
    const mine = [...this.rooms].flatMap(([sessionId, room]) =>
      [...room.values()].filter((p) => this.nodeOf.get(entryKey(sessionId, p.participant.id)) === this.nodeId).map((p) => [sessionId, p] as const),
    );
    for (const [sessionId, presence] of mine) {
      await this.commands.hset(presenceKey(sessionId), presence.participant.id, JSON.stringify({ presence, nodeId: this.nodeId } satisfies Stored));
    }
    await this.load();
  }

  private async beat(): Promise<void> {
    await this.commands.set(nodeKey(this.nodeId), '1', 'PX', this.heartbeatMs * 3);
  }

  /** Takes out, once for the cluster, the people of a node whose heartbeat stopped more than the grace ago. */
  private async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      const others = new Set([...this.nodeOf.values()].filter((id) => id !== this.nodeId));
      for (const id of this.lostSince.keys()) if (!others.has(id)) this.lostSince.delete(id);
      const now = Date.now();
      for (const nodeId of others) {
        if ((await this.commands.exists(nodeKey(nodeId))) === 1) {
          this.lostSince.delete(nodeId);
          continue;
        }
        const since = this.lostSince.get(nodeId) ?? now;
        this.lostSince.set(nodeId, since);
        if (now - since < this.lostGraceMs) continue;
        for (const [key, holder] of [...this.nodeOf]) {
          if (holder !== nodeId) continue;
          const [sessionId, participantId] = splitKey(key);
          const presence = this.get(sessionId, participantId);
          if (!presence || !(await this.remove(sessionId, participantId, presence.connectionId))) continue;
          // This node won the compare-and-delete: it alone takes them out and tells the room.
          super.depart(sessionId, participantId, presence.connectionId);
          this.nodeOf.delete(key);
          this.hooks.expired(sessionId, presence);
        }
      }
    } finally {
      this.sweeping = false;
    }
  }
}

function entryKey(sessionId: string, participantId: string): string {
  return `${sessionId}\n${participantId}`;
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf('\n');
  return [key.slice(0, at), key.slice(at + 1)];
}
