import { RateBudget, type Budget } from '../../lib/index.js';

/**
 * [SG5] How much one participant may send on the signalling socket, per participant (not per socket, so a
 * fresh ticket does not refill it). Every frame counts, malformed ones too, so a flood of junk is stopped
 * as well. Measured with `npm run bench:signal` (6 people joining at once in Chromium on loopback,
 * 2026-12-03, 4 rounds): up to 213 messages per person in all, 85 in the busiest second, and at most 24
 * descriptions of up to 12.4 KB plus 189 candidates (under 350 KB; `total_bytes` in later runs). A real
 * network gathers more candidates (server-reflexive, relay, IPv6, TCP) and a mesh holds up to 8 (7 peers,
 * not 5), hence about 4x the measured peak for the burst, 5x the total for the rest, 6x the bytes.
 */
export const signalBudgets = {
  /** The busiest second of a join. */
  burst: { points: 400, perSeconds: 1 },
  /** A whole negotiation with every peer, ICE trickling and a few restarts included. */
  sustained: { points: 1_200, perSeconds: 10 },
  /** Bytes: what stops a flood of maximum-size SDPs long before the message count would. */
  bytes: { points: 2_000_000, perSeconds: 10 },
} as const satisfies Record<string, Budget>;

export class SignalBudget {
  private readonly burst: RateBudget;
  private readonly sustained: RateBudget;
  private readonly bytes: RateBudget;

  constructor(budgets: Record<keyof typeof signalBudgets, Budget> = signalBudgets) {
    this.burst = new RateBudget(budgets.burst);
    this.sustained = new RateBudget(budgets.sustained);
    this.bytes = new RateBudget(budgets.bytes);
  }

  /** Spends one message and its bytes; false once any of the three is used up. */
  async allow(participantId: string, bytes: number): Promise<boolean> {
    return (await this.burst.spend(participantId)) && (await this.sustained.spend(participantId)) && (await this.bytes.spend(participantId, bytes));
  }
}
