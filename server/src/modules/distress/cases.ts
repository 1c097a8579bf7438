import { isStaffRole, type DistressAlert } from '@hearth/shared';
import type { HearthServer, HearthSocket } from '../../realtime/index.js';
import { facilitators } from '../recipients/index.js';
import type { Services } from '../../services.js';
import { applyCaseAction, type CaseAction } from './case-state.js';
import { buildReport, type OncallEvent } from './oncall-webhook.js';

/**
 * What a case goes through outside its own commands: a facilitator's action as a compare-and-set (also
 * taken by writing to the member or taking them aside), the report to the on-call contact, and the open
 * cases handed to a facilitator who (re)joins [DS3]. Used by the distress handlers, the re-alert
 * scheduler, conversations and the join pipeline.
 */
export type ActOutcome =
  | { ok: true; alert: NonNullable<Awaited<ReturnType<Services['distress']['find']>>> }
  | { ok: false; code: 'not_found' | 'conflict'; message: string; alert?: NonNullable<Awaited<ReturnType<Services['distress']['find']>>> };

const eventKindOf = { acknowledge: 'acknowledged', converse: 'in_conversation', escalate: 'escalated', resolve: 'resolved' } as const;

/** Applies a facilitator's action to a case of their own session, as a compare-and-set. */
export async function act(services: Pick<Services, 'distress' | 'now'>, sessionId: string, by: string, alertId: string, action: CaseAction): Promise<ActOutcome> {
  const current = await services.distress.find(sessionId, alertId);
  if (!current) return { ok: false, code: 'not_found', message: 'There is no such support request in this session.' };
  const next = applyCaseAction(current.status, action);
  if (!next.ok) return { ok: false, code: 'conflict', message: next.reason, alert: current };
  const kind = eventKindOf[action];
  const changed = await services.distress.transition(
    sessionId,
    alertId,
    { from: current.status, to: next.status, kind, by, acknowledges: action === 'acknowledge' },
    services.now(),
  );
  const latest = (await services.distress.find(sessionId, alertId)) ?? current;
  if (!changed) return { ok: false, code: 'conflict', message: 'Another facilitator changed this request just now.', alert: latest };
  return { ok: true, alert: latest };
}

/** [OC1][OC3] Queues a report to the group's on-call webhook, if it has one; never waits for delivery. */
export async function reportToOncall(services: Pick<Services, 'sessions' | 'groups' | 'oncall' | 'now'>, sessionId: string, alert: DistressAlert, event: OncallEvent): Promise<void> {
  const session = await services.sessions.find(sessionId);
  const group = session && (await services.groups.find(session.groupId));
  if (!group?.oncallWebhookUrl || !group.oncallWebhookSecret) return;
  services.oncall.send(
    { url: group.oncallWebhookUrl, secret: group.oncallWebhookSecret },
    buildReport(alert, sessionId, event, group.oncallIncludeContent, services.now()),
  );
}

/** [DS3] Called when a facilitator (or the supervisor [SV4]) has joined: every open case of the session. */
export async function deliverOpenAlerts(socket: HearthSocket, services: Pick<Services, 'distress'>): Promise<void> {
  const { role, sessionId, participantId } = socket.data.identity;
  if (!isStaffRole(role)) return;
  for (const alert of await services.distress.listOpen(sessionId)) {
    if (alert.participantId !== participantId) socket.emit('distress:alert', alert);
  }
}

/** [DS10] As a session ends, before anyone is disconnected, facilitators get the open cases to hand over. */
export async function handOverOpenCases(io: HearthServer, services: Pick<Services, 'distress' | 'rooms'>, sessionId: string): Promise<void> {
  const openCases = await services.distress.listOpen(sessionId);
  for (const connectionId of facilitators(services.rooms.list(sessionId))) io.to(connectionId).emit('distress:handover', { openCases });
}
