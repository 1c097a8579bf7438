import type { Redis } from 'ioredis';
import type { ClientCommandName } from '@hearth/shared';
import { RateBudget, type Budget } from '../lib/index.js';

export type { Budget } from '../lib/index.js';

/**
 * [RL1] How many commands one participant may send. Two budgets, both per participant (not per socket,
 * so reconnecting does not refill them):
 * - every command shares a generous budget that no person's real use comes near (talk-time reports
 *   arrive about four times a second; clicks are rarer), so only a runaway or hostile client meets it;
 * - commands that reach other people's screens or the facilitators' attention have their own, tighter
 *   one, so a member cannot flood the room with proposals or anonymous "revisit" requests.
 * In memory in the embedded mode; [ND2] with several nodes (REDIS_URL) in Redis, so a person whose sockets
 * reach two nodes still has one budget (see docs/architecture.md).
 */

export const everyCommandBudget: Budget = { points: 60, perSeconds: 5 };

export const tighterBudgets: Partial<Record<ClientCommandName, Budget>> = {
  'rules:revisit': { points: 3, perSeconds: 60 },
  'rules:propose': { points: 5, perSeconds: 60 },
  'rules:respond': { points: 20, perSeconds: 60 },
  'case:message': { points: 30, perSeconds: 60 },
  'backchannel:message': { points: 30, perSeconds: 60 },
  // [CH6] A lively conversation is a message every few seconds; a flood is many a second.
  'chat:send': { points: 20, perSeconds: 30 },
  // [RX4] Reactions reach everyone's screen: a handful a minute is plenty for "me too" and "thank you".
  'reaction:send': { points: 10, perSeconds: 60 },
};

export class CommandRateLimits {
  private readonly every: RateBudget;
  private readonly tighter = new Map<string, RateBudget>();

  constructor(every: Budget = everyCommandBudget, tighter: Partial<Record<string, Budget>> = tighterBudgets, shared?: Redis) {
    const store = (name: string) => (shared ? { redis: shared, keyPrefix: `hearth:budget:${name}` } : undefined);
    this.every = new RateBudget(every, store('every'));
    for (const [event, budget] of Object.entries(tighter)) if (budget) this.tighter.set(event, new RateBudget(budget, store(event)));
  }

  /** Spends one point of each budget the command counts against; false when any is used up. */
  async allow(participantId: string, event: string): Promise<boolean> {
    if (!(await this.every.spend(participantId))) return false;
    return (await this.tighter.get(event)?.spend(participantId)) ?? true;
  }
}

/**
 * Each socket.io server's budgets: in memory unless the app registered Redis-backed ones. Participant ids
 * are unique per app, so the in-memory set is shared by every embedded app in a process (as before).
 */
const embedded = new CommandRateLimits();
const byServer = new WeakMap<object, CommandRateLimits>();

export function useCommandRateLimits(io: object, limits: CommandRateLimits): void {
  byServer.set(io, limits);
}

export function commandRateLimitsOf(io: object): CommandRateLimits {
  return byServer.get(io) ?? embedded;
}
