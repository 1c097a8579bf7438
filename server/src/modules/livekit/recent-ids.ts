/**
 * The webhook event ids seen recently, so a redelivered event is processed once. LiveKit drops events
 * older than 30 s, so remembering the last few minutes (bounded in count) covers every redelivery.
 */
export class RecentIds {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly keepMs = 5 * 60_000,
    private readonly maxSize = 10_000,
  ) {}

  /** True the first time `id` is offered within the window; false for a repeat. */
  firstTime(id: string, now: number): boolean {
    this.forgetOlderThan(now - this.keepMs);
    if (this.seen.has(id)) return false;
    this.seen.set(id, now);
    if (this.seen.size > this.maxSize) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }

  /** Processing failed: let LiveKit's redelivery of this event be processed after all. */
  forget(id: string): void {
    this.seen.delete(id);
  }

  private forgetOlderThan(cutoff: number): void {
    // Insertion order is time order, so stop at the first id still inside the window.
    for (const [id, at] of this.seen) {
      if (at >= cutoff) break;
      this.seen.delete(id);
    }
  }
}
