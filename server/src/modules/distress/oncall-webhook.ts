import { createHmac } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { Agent, fetch } from 'undici';
import type { DistressAlert } from '@hearth/shared';
import { isAllowedHost, publicOnlyLookup, webhookUrlRefusal } from './oncall-address.js';

/**
 * The optional on-call webhook of a group. Invariants (docs/spec.md):
 * - [OC1] a report carries no name or note unless the group enabled content; only level, status and times;
 * - [OC2] every report is signed: `x-hearth-signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`
 *   with the group's secret and `x-hearth-timestamp`, so the receiver can reject forgeries and replays;
 * - [OC3] delivery never delays or fails a facilitator's action: it runs after, with a timeout and retries;
 * - [OC4] it never calls inward: https, public addresses only, no redirects (oncall-address.ts).
 */
export type OncallEvent = 'distress.unacknowledged' | 'distress.escalated';

export interface OncallReport {
  event: OncallEvent;
  caseId: string;
  sessionId: string;
  level: DistressAlert['level'];
  status: DistressAlert['status'];
  raisedAt: string;
  reAlerts: number;
  sentAt: string;
  /** Present only when the group allows content. */
  person?: { displayName: string };
  note?: string | null;
}

export function buildReport(alert: DistressAlert, sessionId: string, event: OncallEvent, includeContent: boolean, now: number): OncallReport {
  const report: OncallReport = {
    event,
    caseId: alert.id,
    sessionId,
    level: alert.level,
    status: alert.status,
    raisedAt: new Date(alert.raisedAt).toISOString(),
    reAlerts: alert.reAlerts,
    sentAt: new Date(now).toISOString(),
  };
  if (includeContent) {
    report.person = { displayName: alert.displayName };
    report.note = alert.note;
  }
  return report;
}

export function signReport(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface OncallTarget {
  url: string;
  secret: string;
}

const RETRY_DELAYS_MS = [1_000, 4_000];
const TIMEOUT_MS = 5_000;

/** Sends reports in the background; failures are logged without any of the report's content. */
export class OncallNotifier {
  private readonly pending = new Set<Promise<void>>();
  /** Connections whose every address is checked as it is resolved (no check-then-resolve-again gap). */
  private readonly publicOnly = new Agent({ connect: { lookup: publicOnlyLookup } });
  private readonly anyAddress = new Agent();

  constructor(
    private readonly log: FastifyBaseLogger,
    private readonly now: () => number,
    private readonly retryDelaysMs: readonly number[] = RETRY_DELAYS_MS,
    /** ONCALL_WEBHOOK_ALLOW_HOSTS: hosts reachable over http and on any address (development, tests). */
    private readonly allowHosts: readonly string[] = [],
  ) {}

  send(target: OncallTarget, report: OncallReport): void {
    const delivery = this.deliver(target, report).finally(() => this.pending.delete(delivery));
    this.pending.add(delivery);
  }

  /** For tests and shutdown: resolves when every report sent so far has been delivered or given up. */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private async deliver(target: OncallTarget, report: OncallReport): Promise<void> {
    // Checked again at send time: a URL saved before this rule, or an allow-list since shortened.
    if (webhookUrlRefusal(target.url, this.allowHosts)) {
      this.log.warn({ event: report.event }, 'on-call webhook refused: not an https URL or allowed host');
      return;
    }
    const dispatcher = isAllowedHost(new URL(target.url), this.allowHosts) ? this.anyAddress : this.publicOnly;
    const body = JSON.stringify(report);
    for (let attempt = 0; attempt <= this.retryDelaysMs.length; attempt++) {
      const timestamp = String(Math.floor(this.now() / 1000));
      try {
        const response = await fetch(target.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hearth-timestamp': timestamp, 'x-hearth-signature': signReport(target.secret, timestamp, body) },
          body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
          dispatcher,
          // A redirect could point anywhere, inward included: it counts as a refusal.
          redirect: 'manual',
        });
        if (response.ok) return;
        this.log.warn({ status: response.status, attempt, event: report.event }, 'on-call webhook refused the report');
      } catch (err) {
        const cause = (err as Error & { cause?: { code?: string } }).cause?.code;
        if (cause === 'EADDRNOTPUBLIC') {
          this.log.warn({ event: report.event }, 'on-call webhook refused: its address is not public');
          return;
        }
        this.log.warn({ errName: (err as Error).name, attempt, event: report.event }, 'on-call webhook unreachable');
      }
      const delay = this.retryDelaysMs[attempt];
      if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay));
    }
    this.log.error({ event: report.event }, 'on-call webhook gave up after retries');
  }
}
