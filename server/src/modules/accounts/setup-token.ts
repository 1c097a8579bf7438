import { timingSafeEqual } from 'node:crypto';
import { newToken } from '../../lib/index.js';

/**
 * The one-time link that creates the first facilitator account. It lives in memory only: a restart
 * before setup prints a fresh one, and once an account exists no token is accepted at all.
 */
export class SetupToken {
  private token: string | null = null;

  issue(): string {
    this.token = newToken();
    return this.token;
  }

  get current(): string | null {
    return this.token;
  }

  /** Consumes the token if it matches; a second use fails. */
  consume(candidate: string): boolean {
    if (!this.token) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.token);
    if (a.length !== b.length || !timingSafeEqual(a, b)) return false;
    this.token = null;
    return true;
  }
}
