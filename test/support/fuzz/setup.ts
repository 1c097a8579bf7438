import { ApiRoutes, RulesRoutes, Role } from '@hearth/shared';
import {
  createInvite, facilitatorCredential, http, redeem, startLiveSession, type HearthEndpoint, type LiveSession,
} from '../api.js';
import { CANARY, connect, send, type Connection, type Kind, type Person, type Shared } from './actor.js';

/**
 * One live session made ready for the fuzz, through the real API and sockets as people would: records
 * written before the run (a member's support request and its conversation, a case opened about a member
 * with a staff-only note, the facilitators' backchannel, adopted ground rules and a consent), a removed
 * and a banned member, and the waiting room on with someone in it. Everything only facilitators may read
 * carries the canary; so does the hidden supervisor's name.
 */

export interface FuzzSession {
  live: LiveSession;
  people: { person: Person; connection: Connection }[];
  shutOut: Person[];
}

const roleOf: Record<Kind, Role> = {
  host: Role.facilitator, co_facilitator: Role.coFacilitator, supervisor: Role.supervisor, member: Role.member, waiting: Role.member,
};

async function ok(label: string, answer: Promise<unknown>): Promise<Record<string, unknown>> {
  const a = (await answer) as { ok?: boolean } & Record<string, unknown>;
  if (a?.ok !== true) throw new Error(`fuzz setup: ${label} answered ${JSON.stringify(a)}`);
  return a;
}

export async function openConnection(shared: Shared, person: Person): Promise<Connection> {
  const c = await connect(shared, person);
  if ('refused' in c) throw new Error(`fuzz setup: ${person.kind} refused ${c.refused}`);
  return c;
}

const command = (shared: Shared, c: Connection, event: string, payload: unknown) =>
  send(shared, c, { event, args: [payload], ack: true, mutation: 'valid' });

async function joined(shared: Shared, person: Person): Promise<Connection> {
  const c = await openConnection(shared, person);
  c.joining = true;
  await ok(`${person.kind} join`, command(shared, c, 'room:join', { audio: false, video: false }));
  return c;
}

/** A new person of this kind, by invite (members, co-facilitators, the supervisor) or by entering (host). */
export async function newPerson(endpoint: HearthEndpoint, live: LiveSession, kind: Kind, session: number, name: string): Promise<Person> {
  if (kind === 'host') {
    const credential = await facilitatorCredential(endpoint, live);
    return { kind, role: roleOf[kind], token: credential.token, participantId: credential.participantId, session };
  }
  const role = kind === 'co_facilitator' || kind === 'supervisor' ? kind : 'member';
  const answer = await redeem(endpoint, await createInvite(endpoint, live, { role }), name);
  if (answer.status !== 201) throw new Error(`fuzz: redeem ${kind} answered ${answer.status}`);
  const person = { kind, role: roleOf[kind], token: answer.body.token, participantId: answer.body.participantId, session };
  // Consent to the group's rules if there are any, as the pre-join page does (GR2).
  const rules = await http<{ ruleSet: { version: number } | null }>(endpoint, 'POST', RulesRoutes.roomRules, { body: { token: person.token } });
  if (rules.body?.ruleSet) await http(endpoint, 'POST', RulesRoutes.roomConsent, { body: { token: person.token, version: rules.body.ruleSet.version } });
  return person;
}

export async function prepareSession(shared: Shared, endpoint: HearthEndpoint, cookie: string, session: number, members: number): Promise<FuzzSession> {
  const live = await startLiveSession(endpoint, cookie);
  await http(endpoint, 'PUT', ApiRoutes.groupSupport(live.group.id), {
    cookie, body: { crisisResources: 'Samaritans 116 123', emergencyContacts: `${CANARY} on-call lead 07700 900${session}` },
  });
  await http(endpoint, 'PUT', RulesRoutes.groupRules(live.group.id), {
    cookie, body: { basedOn: null, confidentiality: 'What is shared here stays here, unless someone is at risk.', rules: [{ text: 'One person speaks at a time' }] },
  });
  const person = (kind: Kind, name: string) => newPerson(endpoint, live, kind, session, name);
  const host = await person('host', 'Fran');
  const hostC = await joined(shared, host);
  const co = await person('co_facilitator', 'Kim');
  const coC = await joined(shared, co);
  const supervisor = await person('supervisor', `Vera ${CANARY}`);
  const supervisorC = await joined(shared, supervisor);

  // A member's request and its conversation (the reply is Cara's to read; she then leaves).
  const cara = await person('member', 'Cara');
  const caraC = await joined(shared, cara);
  const raised = await ok('distress:raise', command(shared, caraC, 'distress:raise', { level: 'not_safe', note: `${CANARY} raised note` }));
  await ok('case:message', command(shared, hostC, 'case:message', { alertId: raised.alertId, body: 'A reply only Cara may read' }));
  caraC.socket.close();

  const people: FuzzSession['people'] = [
    { person: host, connection: hostC }, { person: co, connection: coC }, { person: supervisor, connection: supervisorC },
  ];
  for (let i = 0; i < members; i++) {
    const m = await person('member', `Member ${i + 1}`);
    people.push({ person: m, connection: await joined(shared, m) });
  }
  const first = people[3] as { person: Person; connection: Connection };
  // A case opened about a member: staff-only until they are brought in (DS14).
  const opened = await ok('distress:open', command(shared, hostC, 'distress:open', { participantId: first.person.participantId, level: 'struggling', note: `${CANARY} opened note` }));
  await ok('case:message', command(shared, hostC, 'case:message', { alertId: (opened.alert as { id: string }).id, body: `${CANARY} staff-only case note` }));
  await ok('backchannel', command(shared, coC, 'backchannel:message', { body: `${CANARY} backchannel before the run` }));
  const proposal = await ok('rules:propose', command(shared, first.connection, 'rules:propose', { text: 'What is said here stays here' }));
  await ok('rules:decide', command(shared, hostC, 'rules:decide', { proposalId: (proposal.proposal as { id: string }).id, decision: 'adopt' }));
  const rules = await http<{ ruleSet: { version: number } }>(endpoint, 'POST', RulesRoutes.roomRules, { body: { token: first.person.token } });
  await http(endpoint, 'POST', RulesRoutes.roomConsent, { body: { token: first.person.token, version: rules.body.ruleSet.version } });

  const shutOut: Person[] = [];
  for (const action of ['moderation:remove', 'moderation:ban'] as const) {
    const m = await person('member', action === 'moderation:ban' ? 'Bo' : 'Rae');
    const c = await joined(shared, m);
    await ok(action, command(shared, hostC, action, { participantId: m.participantId }));
    c.socket.close();
    shutOut.push(m);
  }
  await ok('waiting room', command(shared, hostC, 'moderation:waiting-room', { enabled: true }));
  const waiting = await person('waiting', 'Wren');
  const waitingC = await openConnection(shared, waiting);
  const refused = (await command(shared, waitingC, 'room:join', { audio: false, video: false })) as { error?: { code?: string } };
  if (refused.error?.code !== 'admission_required') throw new Error(`fuzz setup: waiting person was not asked to wait: ${JSON.stringify(refused)}`);
  await ok('waiting:enter', command(shared, waitingC, 'waiting:enter', {}));
  people.push({ person: waiting, connection: waitingC });
  return { live, people, shutOut };
}
