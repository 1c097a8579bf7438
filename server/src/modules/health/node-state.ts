/**
 * [ND3] What this node says about itself to a load balancer: once a graceful stop begins it is draining
 * and never stops draining (the process exits at the end of it).
 */
export class NodeState {
  private drainingSince: number | null = null;

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  startDraining(now: number): void {
    this.drainingSince ??= now;
  }
}
