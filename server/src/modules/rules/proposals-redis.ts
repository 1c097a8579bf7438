import type { Redis } from 'ioredis';
import { PROPOSALS_PER_SESSION, type ProposalRecord, type ProposalStore } from './proposals.js';

const key = (sessionId: string) => `hearth:proposals:${sessionId}`;
const decidingKey = (id: string) => `hearth:proposal-deciding:${id}`;
// Drafting is live: a session's proposals do not outlive a day (a session whose end never came).
const TTL_SECONDS = 24 * 3600;
const DECIDING_MS = 30_000;

/** How a proposal is kept: its place in the session's order, a revision for compare-and-set, the record. */
interface Stored {
  n: number;
  rev: number;
  record: Omit<ProposalRecord, 'responses'> & { responses: [string, 'agree' | 'concern'][] };
}

// KEYS[1] the session's hash; ARGV: id, the stored JSON without its place, cap. The place is written in front
// as text: decoding and encoding again in Lua would turn an empty list of responses into an object.
const ADD_SCRIPT = `
local count = redis.call('HLEN', KEYS[1])
if count >= tonumber(ARGV[3]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], '{"n":' .. count .. ',' .. string.sub(ARGV[2], 2))
redis.call('EXPIRE', KEYS[1], ${TTL_SECONDS})
return 1`;

// KEYS[1] the session's hash; ARGV: id, the revision read, the new record JSON (its rev is read + 1).
const REPLACE_SCRIPT = `
local current = redis.call('HGET', KEYS[1], ARGV[1])
if not current then return 0 end
local was = cjson.decode(current)
if was.rev ~= tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], '{"n":' .. was.n .. ',' .. string.sub(ARGV[3], 2))
return 1`;

/** [ND11] Rule proposals in Redis: one hash per session, changed by compare-and-set scripts. */
export class RedisProposals implements ProposalStore {
  /** The revision each record object was read at, for its compare-and-set. */
  private readonly revisions = new WeakMap<ProposalRecord, number>();

  constructor(
    private readonly redis: Redis,
    private readonly onError: (err: unknown) => void,
  ) {}

  async list(sessionId: string): Promise<ProposalRecord[]> {
    const all = Object.values(await this.redis.hgetall(key(sessionId))).map((text) => JSON.parse(text) as Stored);
    return all.sort((a, b) => a.n - b.n).map((stored) => this.record(stored));
  }

  async find(sessionId: string, id: string): Promise<ProposalRecord | undefined> {
    const text = await this.redis.hget(key(sessionId), id);
    return text ? this.record(JSON.parse(text) as Stored) : undefined;
  }

  async add(sessionId: string, proposal: ProposalRecord): Promise<boolean> {
    const added = await this.redis.eval(ADD_SCRIPT, 1, key(sessionId), proposal.id, JSON.stringify(stored(proposal, 0)), String(PROPOSALS_PER_SESSION));
    if (added === 1) this.revisions.set(proposal, 0);
    return added === 1;
  }

  async replace(sessionId: string, current: ProposalRecord, next: ProposalRecord): Promise<boolean> {
    const rev = this.revisions.get(current);
    if (rev === undefined) return false;
    const replaced = await this.redis.eval(REPLACE_SCRIPT, 1, key(sessionId), current.id, String(rev), JSON.stringify(stored(next, rev + 1)));
    if (replaced === 1) this.revisions.set(next, rev + 1);
    return replaced === 1;
  }

  async claim(id: string): Promise<boolean> {
    return (await this.redis.set(decidingKey(id), '1', 'PX', DECIDING_MS, 'NX')) === 'OK';
  }

  async release(id: string): Promise<void> {
    await this.redis.del(decidingKey(id));
  }

  forget(sessionId: string): void {
    this.redis.del(key(sessionId)).catch(this.onError);
  }

  private record(kept: Stored): ProposalRecord {
    const record: ProposalRecord = { ...kept.record, responses: new Map(kept.record.responses) };
    this.revisions.set(record, kept.rev);
    return record;
  }
}

/** What the scripts are given: everything but the place, which they set. */
function stored(record: ProposalRecord, rev: number): Omit<Stored, 'n'> {
  return { rev, record: { ...record, responses: [...record.responses.entries()] } };
}
