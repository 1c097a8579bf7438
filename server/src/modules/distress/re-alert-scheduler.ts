import type { FastifyBaseLogger } from 'fastify';
import type { HearthServer } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import { staff } from '../recipients/index.js';
import { reportToOncall } from './cases.js';

/**
 * [DS6] If nobody acknowledges a request within `reAlertAfterMs` (default 30 s), every facilitator of
 * the session is alerted again, and again each interval after that, until someone does. The due cases
 * come from the database, so a request raised just before a restart is still re-alerted after it, and with
 * several nodes each re-alert is taken by one node (a compare-and-set on the row) and sent to the staff of every
 * node [ND9]: once per request, not once per node.
 */
export class ReAlertScheduler {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly io: HearthServer,
    private readonly services: Pick<Services, 'now' | 'distress' | 'rooms' | 'sessions' | 'groups' | 'oncall'>,
    private readonly log: FastifyBaseLogger,
    private readonly reAlertAfterMs: number,
  ) {}

  start(everyMs = 1000): void {
    this.timer = setInterval(() => void this.tick(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One pass; a pass still running is joined rather than overlapped. */
  tick(): Promise<void> {
    this.running ??= this.pass()
      .catch((err: unknown) => this.log.error({ err }, 're-alert pass failed'))
      .finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<void> {
    const now = this.services.now();
    const dueBefore = now - this.reAlertAfterMs;
    for (const due of await this.services.distress.dueForReAlert(dueBefore)) {
      // [ND9] Every node passes over the same requests; the one whose compare-and-set lands alerts, once.
      if (!(await this.services.distress.markReAlerted(due.id, now, dueBefore))) continue;
      const alert = await this.services.distress.find(due.sessionId, due.id);
      if (!alert) continue;
      // Issue 6: re-alerts reach every facilitator and the supervisor [SV4].
      for (const connectionId of staff(this.services.rooms.list(due.sessionId), { participantId: alert.participantId })) {
        this.io.to(connectionId).emit('distress:alert', alert);
      }
      // The on-call contact hears once that nobody has answered, not at every re-alert.
      if (alert.reAlerts === 1) await reportToOncall(this.services, due.sessionId, alert, 'distress.unacknowledged');
    }
  }
}
