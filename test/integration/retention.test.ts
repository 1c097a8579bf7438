// [RT1]-[RT5] Retention for everything personal, on SQLite and Postgres: a real server with its clock moved forward.
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiRoutes, RulesRoutes, type DistressAlert, type Group, type Invite, type RuleSet, type Session, type TalkSummary } from '@hearth/shared';
import { createInvite, facilitatorCredential, http, setUpFacilitator, tokenOf, type LiveSession } from '../support/api.js';
import { dumpDatabase, recordsOf, tablesContaining } from '../support/database-scan.js';
import { newPostgresDatabase } from '../support/databases.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { connectParticipant, join, settle, type TestClient } from '../support/sockets.js';
import { EXPIRED_SESSION_TITLE, RetentionScheduler } from '../../server/src/modules/retention/index.js';

const DAY = 86_400_000;
const PASSWORD = 'a long enough password';
/** The facilitator's own account name: kept with the account (not a session's record), and only there. */
const ACCOUNT_NAME = 'Fenella Accountholder';
/** Everything personal typed into the session that expires: none of it may survive anywhere once it has. */
const EXPIRING = {
  title: 'Zephyrine farewell evening',
  label: 'for Quillon Marbury',
  member: 'Zelda Quartermaine',
  organisation: 'Orvanta Housing Trust',
  banned: 'Ignatius Bannerman',
  note: 'tonight is unbearably hard',
  caseMessage: 'Calling Zelda after group',
  backchannel: 'Keep an eye on Zelda',
} as const;
/** The same kinds of thing in sessions still within their retention (another group's, and a live one). */
const KEPT = { otherTitle: 'Bartholomew session', otherMember: 'Bartholomew Keepwell', otherLabel: 'for Keepwell cousin', liveMember: 'Livia Stillhere', liveNote: 'Livia needs a call' } as const;

describe.each(['sqlite', 'postgres'] as const)('[RT1] retention for everything personal on %s', (kind) => {
  let clock = Date.now();
  let hearth: TestHearth;
  let cookie: string;
  const clients: TestClient[] = [];
  /** Group A keeps records 7 days; group B keeps the default 90. */
  let groupA: Group;
  let expiring: Session;
  let live: Session;
  let other: Session;
  let endedAt: number;

  const get = async <T>(path: string) => {
    const answer = await http<T>(hearth, 'GET', path, { cookie });
    expect(answer.status, path).toBe(200);
    return answer.body;
  };
  const connect = async (token: string) => {
    const client = await connectParticipant(hearth.url, token);
    clients.push(client);
    return client;
  };
  const redeem = async (invite: Invite, displayName: string, organisation?: string) => {
    const answer = await http<{ token: string; participantId: string }>(hearth, 'POST', ApiRoutes.redeemInvite(tokenOf(invite)), { body: { displayName, ...(organisation ? { organisation } : {}) } });
    if (answer.status !== 201) throw new Error(`redeem failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const startSession = async (group: Group, title: string) => (await http<Session>(hearth, 'POST', ApiRoutes.groupSessions(group.id), { cookie, body: { title } })).body;
  const signIn = async () => {
    const answer = await http(hearth, 'POST', ApiRoutes.login, { body: { email: 'fran@example.org', password: PASSWORD } });
    if (!answer.cookie) throw new Error(`login failed: ${answer.status}`);
    cookie = answer.cookie;
  };
  const sweep = () => hearth.services.retention.run();
  const dump = () => dumpDatabase(hearth.services.db, kind);

  beforeAll(async () => {
    const env: Record<string, string> = kind === 'postgres' ? { DATABASE_URL: await newPostgresDatabase() } : {};
    hearth = await startHearth({ env, now: () => clock });
    cookie = await setUpFacilitator(hearth, ACCOUNT_NAME);
    groupA = (await http<Group>(hearth, 'POST', ApiRoutes.groups, { cookie, body: { name: 'Carers circle', purpose: 'Peer support' } })).body;
    await http(hearth, 'PUT', ApiRoutes.groupSupport(groupA.id), { cookie, body: { recordsRetentionDays: 7 } });
    const rules = await http<RuleSet>(hearth, 'PUT', RulesRoutes.groupRules(groupA.id), { cookie, body: { basedOn: null, confidentiality: 'What is said here stays here.', rules: [{ text: 'One voice at a time' }] } });
    expiring = await startSession(groupA, EXPIRING.title);
    const session: LiveSession = { cookie, group: groupA, session: expiring };

    // Everything a session records: labelled invites, a name and organisation, consent, admission, a turn, a ban,
    // a support request with its conversation, the staff backchannel, talk time.
    const fran = await connect((await facilitatorCredential(hearth, session)).token);
    clock += 1000;
    const zeldaCredential = await redeem(await createInvite(hearth, session, { role: 'member', label: EXPIRING.label }), EXPIRING.member, EXPIRING.organisation);
    clock += 1000;
    const bannedCredential = await redeem(await createInvite(hearth, session, { role: 'member' }), EXPIRING.banned);
    for (const token of [zeldaCredential.token, bannedCredential.token]) {
      expect((await http(hearth, 'POST', RulesRoutes.roomConsent, { body: { token, version: rules.body.version } })).status).toBe(200);
    }
    const zelda = await connect(zeldaCredential.token);
    const banned = await connect(bannedCredential.token);
    await join(fran);
    await join(zelda);
    const bannedId = (await join(banned)).self.id;
    await settle();
    expect(await zelda.send('hand:raise', {})).toMatchObject({ ok: true });
    expect(await fran.send('floor:give', { participantId: zeldaCredential.participantId })).toMatchObject({ ok: true });
    expect(await fran.send('moderation:ban', { participantId: bannedId })).toMatchObject({ ok: true });
    const raised = await zelda.send('distress:raise', { level: 'talk_privately', note: EXPIRING.note });
    if (!raised.ok) throw new Error('raise refused');
    expect(await fran.send('case:message', { alertId: raised.alertId, body: EXPIRING.caseMessage })).toMatchObject({ ok: true });
    expect(await fran.send('backchannel:message', { body: EXPIRING.backchannel })).toMatchObject({ ok: true });
    clock += 60_000;
    await settle();

    // Group B (default retention) ends at the same moment; a second session of group A stays live throughout.
    const groupB = (await http<Group>(hearth, 'POST', ApiRoutes.groups, { cookie, body: { name: 'Other circle', purpose: '' } })).body;
    other = await startSession(groupB, KEPT.otherTitle);
    await redeem(await createInvite(hearth, { cookie, group: groupB, session: other }, { role: 'member', label: KEPT.otherLabel }), KEPT.otherMember);
    live = await startSession(groupA, 'Still going');
    const liviaCredential = await redeem(await createInvite(hearth, { cookie, group: groupA, session: live }, { role: 'member' }), KEPT.liveMember);
    expect((await http(hearth, 'POST', RulesRoutes.roomConsent, { body: { token: liviaCredential.token, version: rules.body.version } })).status).toBe(200);
    const livia = await connect(liviaCredential.token);
    const franThere = await connect((await facilitatorCredential(hearth, { cookie, group: groupA, session: live })).token);
    await join(livia);
    await join(franThere);
    const liveRequest = await livia.send('distress:raise', { level: 'struggling', note: KEPT.liveNote });
    if (!liveRequest.ok) throw new Error('raise refused');
    // Acknowledged, so re-alerts (which run on the same clock) leave it be while the sweep is watched.
    expect(await franThere.send('distress:acknowledge', { alertId: liveRequest.alertId })).toMatchObject({ ok: true });

    endedAt = clock;
    for (const s of [expiring, other]) expect((await http(hearth, 'POST', ApiRoutes.endSession(s.id), { cookie })).status).toBe(200);
    await settle();
  }, 30_000);

  afterAll(async () => {
    clients.splice(0).forEach((c) => c.close());
    await hearth?.close();
  });

  it('[RT4] before expiry the facilitator sees the names where they do today, and a sweep changes nothing', async () => {
    clock = endedAt + 7 * DAY - 1;
    await signIn();
    const before = await dump();
    await sweep();
    const after = await dump();
    // Only the facilitator's first sign-in, 12 hours old, is gone; nothing else changed.
    expect(after.get('auth_sessions')).toEqual(before.get('auth_sessions')?.filter((row) => Number(row.expires_at) > clock));
    expect(after.get('auth_sessions')).toHaveLength(1);
    before.delete('auth_sessions');
    after.delete('auth_sessions');
    expect(after).toEqual(before);

    const cases = await get<DistressAlert[]>(ApiRoutes.sessionCases(expiring.id));
    expect(cases).toEqual([expect.objectContaining({ displayName: EXPIRING.member, note: EXPIRING.note })]);
    const talk = await get<TalkSummary>(ApiRoutes.sessionTalkTime(expiring.id));
    expect(talk.members.map((m) => m.displayName)).toContain(EXPIRING.member);
    expect((await get<Invite[]>(ApiRoutes.sessionInvites(expiring.id))).map((i) => i.label)).toContain(EXPIRING.label);
    expect((await get<Session[]>(ApiRoutes.groupSessions(groupA.id))).map((s) => s.title)).toContain(EXPIRING.title);
    // The scan below is honest: it finds every one of the strings while they are kept.
    for (const text of Object.values(EXPIRING)) expect(tablesContaining(before, text), text).not.toEqual([]);
    expect(tablesContaining(before, EXPIRING.organisation)).toEqual(['participants.organisation']);
  });

  it('[RT1] [RT2] once expired, no name, label or free text of the session is left in any table, and reports still work', async () => {
    clock = endedAt + 7 * DAY;
    await signIn();
    const before = await dump();
    await sweep();
    const after = await dump();

    // It is the sweep that removes them, at the moment the records expire.
    for (const text of Object.values(EXPIRING)) expect(tablesContaining(before, text), text).not.toEqual([]);
    for (const text of Object.values(EXPIRING)) expect(tablesContaining(after, text), text).toEqual([]);
    // The facilitator's own name stays with their account, and in the live session they are in; nowhere else.
    expect(tablesContaining(after, ACCOUNT_NAME)).toEqual(['accounts.display_name', 'participants.display_name']);
    const named = await hearth.services.db.selectFrom('participants').select('session_id').where('display_name', '=', ACCOUNT_NAME).execute();
    expect(named).toEqual([{ session_id: live.id }]);

    // Participants keep their role and join time under a pseudonym, so counts still add up.
    const people = await hearth.services.db.selectFrom('participants').select(['display_name', 'role', 'organisation', 'account_id']).where('session_id', '=', expiring.id).orderBy('created_at').execute();
    expect(people).toEqual([
      { display_name: 'Facilitator 1', role: 'facilitator', organisation: null, account_id: null },
      { display_name: 'Member 1', role: 'member', organisation: null, account_id: null },
      { display_name: 'Member 2', role: 'member', organisation: null, account_id: null },
    ]);
    const count = async (table: 'rule_consents' | 'participant_admissions' | 'participant_bans' | 'floor_turns') =>
      table === 'rule_consents'
        ? (await hearth.services.db.selectFrom('rule_consents').select('id').where('participant_id', 'in', hearth.services.db.selectFrom('participants').select('id').where('session_id', '=', expiring.id)).execute()).length
        : (await hearth.services.db.selectFrom(table).selectAll().where('session_id', '=', expiring.id).execute()).length;
    for (const table of ['rule_consents', 'participant_admissions', 'participant_bans', 'floor_turns'] as const) expect(await count(table), table).toBe(0);

    // The dashboard still reads the session: a neutral title, no support records, counts without people.
    const listed = (await get<Session[]>(ApiRoutes.groupSessions(groupA.id))).find((s) => s.id === expiring.id);
    expect(listed).toEqual({ id: expiring.id, groupId: groupA.id, title: EXPIRED_SESSION_TITLE, status: 'ended', startedAt: expiring.startedAt, endedAt, recordsExpiredAt: clock });
    const others = await get<Session[]>(ApiRoutes.groupSessions(groupA.id));
    expect(others.find((s) => s.id === live.id)).not.toHaveProperty('recordsExpiredAt');
    expect(await get<DistressAlert[]>(ApiRoutes.sessionCases(expiring.id))).toEqual([]);
    expect(await get<TalkSummary>(ApiRoutes.sessionTalkTime(expiring.id))).toMatchObject({ status: 'ended', members: [], facilitators: [], roundsHeld: 0 });
    const invites = await get<Invite[]>(ApiRoutes.sessionInvites(expiring.id));
    expect(invites).toHaveLength(2);
    expect(invites.every((i) => i.label === undefined || i.label === null)).toBe(true);
  });

  it('[RT4] sessions still within their retention are untouched, row for row', async () => {
    const now = await dump();
    for (const text of Object.values(KEPT)) expect(tablesContaining(now, text), text).not.toEqual([]);
    const kept = { other: recordsOf(now, other.id), live: recordsOf(now, live.id) };
    clock = endedAt + 89 * DAY;
    await signIn();
    await sweep();
    const later = await dump();
    expect({ other: recordsOf(later, other.id), live: recordsOf(later, live.id) }).toEqual(kept);
    // And the swept session stays as it was swept: the pseudonyms are stable.
    expect(recordsOf(later, expiring.id)).toEqual(recordsOf(now, expiring.id));
  });

  it('[RT4] a live session is never swept, however old; the other group\'s goes at its own 90 days', async () => {
    clock = endedAt + 90 * DAY;
    await signIn();
    await sweep();
    const after = await dump();
    expect(tablesContaining(after, KEPT.otherMember)).toEqual([]);
    expect(tablesContaining(after, KEPT.otherLabel)).toEqual([]);
    expect(tablesContaining(after, KEPT.liveMember)).toEqual(['participants.display_name']);
    expect(tablesContaining(after, KEPT.liveNote)).toEqual(['distress_alerts.note']);
  });

  it('docs/retention.md gives every table of the database its row', async () => {
    const doc = readFileSync(new URL('../../docs/retention.md', import.meta.url), 'utf8');
    const tables = [...(await dump()).keys()];
    expect(tables.length).toBeGreaterThan(20);
    expect(tables.filter((t) => !doc.includes(`\`${t}\``))).toEqual([]);
  });

  it('[RT5] the sweep logs counts, never a name', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'trace' }, new Writable({ write: (chunk: Buffer, _enc, done) => { lines.push(chunk.toString()); done(); } }));
    // A new session in group A, ended and past its 7 days: this sweep has something to remove.
    const s = await startSession(groupA, 'Quincy evening');
    await redeem(await createInvite(hearth, { cookie, group: groupA, session: s }, { role: 'member', label: 'for Quincy Lighthouse' }), 'Quincy Lighthouse');
    await http(hearth, 'POST', ApiRoutes.endSession(s.id), { cookie });
    clock += 8 * DAY;
    await new RetentionScheduler(hearth.services.db, () => clock, log).run();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ msg: 'removed records past their retention', sessions: 1 });
    expect(lines.join('')).not.toMatch(/Quincy|Lighthouse/);
  });
});
