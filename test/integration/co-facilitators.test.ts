// [CF1]-[CF5] Facilitator invites and co-facilitators through the real app, with real sockets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiRoutes, type Account, type FacilitatorInvite, type Group, type GroupFacilitator, type NewFacilitatorInvite, type RoomCredential, type Session } from '@hearth/shared';
import { http, invitedFacilitator, memberCredential, startLiveSession, type LiveSession } from '../support/api.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { connectParticipant, handshakeRefusal, join, settle, eventsNamed } from '../support/sockets.js';
import { PROTOCOL_VERSION } from '@hearth/shared';

const PASSWORD = 'a long enough password';
let hearth: TestHearth;
let clock = Date.UTC(2026, 5, 1, 18);
let live: LiveSession;

beforeAll(async () => {
  hearth = await startHearth({ now: () => clock });
  live = await startLiveSession(hearth);
});
afterAll(async () => hearth?.close());

const tokenOfLink = (link: string) => new URL(link).hash.replace(/^#token=/, '');

async function invite(email: string, cookie = live.cookie) {
  const made = await http<NewFacilitatorInvite>(hearth, 'POST', ApiRoutes.facilitatorInvites, { cookie, body: { email } });
  expect(made.status).toBe(201);
  return made.body;
}
const accept = (token: string, displayName = 'Kim') => http<Account | { error: { code: string } }>(hearth, 'POST', ApiRoutes.acceptFacilitatorInvite, { body: { token, displayName, password: PASSWORD } });

describe('[CF1] [CF2] inviting another facilitator', () => {
  it('[CF1] the link carries its token in the fragment, is stored as a hash, and makes a signed-in account once', async () => {
    const made = await invite('kim@example.org');
    expect(made.link).toMatch(new RegExp(`^${hearth.config.publicUrl.replace(/[.:/]/g, '\\$&')}/accept-invite#token=[\\w-]{43}$`));
    expect(made.invite).toMatchObject({ email: 'kim@example.org', status: 'open' });
    const token = tokenOfLink(made.link);
    const stored = await hearth.services.db.selectFrom('facilitator_invites').selectAll().where('id', '=', made.invite.id).execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    const accepted = await accept(token);
    expect(accepted).toMatchObject({ status: 201, body: { email: 'kim@example.org', displayName: 'Kim' } });
    expect(await http(hearth, 'GET', ApiRoutes.me, { cookie: accepted.cookie })).toMatchObject({ status: 200, body: { email: 'kim@example.org' } });
    expect(await accept(token)).toMatchObject({ status: 410, body: { error: { code: 'invite_used_up' } } });
    const login = await http(hearth, 'POST', ApiRoutes.login, { body: { email: 'kim@example.org', password: PASSWORD } });
    expect(login.status).toBe(200);
    const listed = await http<FacilitatorInvite[]>(hearth, 'GET', ApiRoutes.facilitatorInvites, { cookie: live.cookie });
    expect(listed.body.find((i) => i.id === made.invite.id)?.status).toBe('used');
  });

  it('[CF1] a revoked link and an expired one make nothing; a made-up one is invite_invalid', async () => {
    const revoked = await invite('rev@example.org');
    expect(await http(hearth, 'POST', ApiRoutes.revokeFacilitatorInvite(revoked.invite.id), { cookie: live.cookie })).toMatchObject({ status: 200, body: { status: 'revoked' } });
    expect(await accept(tokenOfLink(revoked.link))).toMatchObject({ status: 410, body: { error: { code: 'invite_revoked' } } });

    const late = await invite('late@example.org');
    clock += 8 * 24 * 60 * 60 * 1000;
    expect(await accept(tokenOfLink(late.link))).toMatchObject({ status: 410, body: { error: { code: 'invite_expired' } } });
    // Back to today, where the host's sign-in still stands.
    clock -= 8 * 24 * 60 * 60 * 1000;
    expect(await accept('x'.repeat(43))).toMatchObject({ status: 404, body: { error: { code: 'invite_invalid' } } });
    expect(await http(hearth, 'POST', ApiRoutes.login, { body: { email: 'late@example.org', password: PASSWORD } })).toMatchObject({ status: 401 });
  });

  it('[CF1] an email that already has an account is refused now, not when the link is used', async () => {
    const again = await http(hearth, 'POST', ApiRoutes.facilitatorInvites, { cookie: live.cookie, body: { email: 'KIM@example.org' } });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
  });

  it('[CF4] another account cannot see or revoke the invites this one made', async () => {
    const made = await invite('private@example.org');
    const other = await invitedFacilitator(hearth, live.cookie, 'olive@example.org', 'Olive');
    expect((await http<FacilitatorInvite[]>(hearth, 'GET', ApiRoutes.facilitatorInvites, { cookie: other })).body).toEqual([]);
    expect(await http(hearth, 'POST', ApiRoutes.revokeFacilitatorInvite(made.invite.id), { cookie: other })).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await accept(tokenOfLink(made.link), 'Priv')).toMatchObject({ status: 201 });
  });
});

describe('[CF3] [CF4] [CF5] co-facilitators of a group', () => {
  let co: string;
  let outsider: string;
  beforeAll(async () => {
    co = await invitedFacilitator(hearth, live.cookie, 'cole@example.org', 'Cole');
    outsider = await invitedFacilitator(hearth, live.cookie, 'otto@example.org', 'Otto');
  });
  const add = (email: string, cookie = live.cookie) => http<GroupFacilitator | { error: { code: string } }>(hearth, 'POST', ApiRoutes.coFacilitators(live.group.id), { cookie, body: { email } });

  it('[CF3] only the host adds; an unknown email, the host and a second add are refused', async () => {
    expect(await add('nobody@example.org')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await add('fran@example.org')).toMatchObject({ status: 409 });
    expect(await add('cole@example.org', outsider)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await add('cole@example.org')).toMatchObject({ status: 201, body: { displayName: 'Cole', role: 'co_facilitator' } });
    expect(await add('cole@example.org')).toMatchObject({ status: 409 });
    expect(await add('otto@example.org', co)).toMatchObject({ status: 403, body: { error: { code: 'not_allowed' } } });
    const facilitators = await http<GroupFacilitator[]>(hearth, 'GET', ApiRoutes.groupFacilitators(live.group.id), { cookie: co });
    expect(facilitators.body.map((f) => [f.displayName, f.role])).toEqual([['Fran', 'host'], ['Cole', 'co_facilitator']]);
  });

  it('[CF4] the co-facilitator sees the group on their dashboard and runs its session; the outsider reaches none of it', async () => {
    const groups = await http<Group[]>(hearth, 'GET', ApiRoutes.groups, { cookie: co });
    expect(groups.body.map((g) => [g.name, g.yourRole])).toEqual([['Tuesday circle', 'co_facilitator']]);
    expect((await http<Group[]>(hearth, 'GET', ApiRoutes.groups, { cookie: outsider })).body).toEqual([]);
    expect(await http(hearth, 'GET', ApiRoutes.groupSessions(live.group.id), { cookie: outsider })).toMatchObject({ status: 404 });
    expect(await http(hearth, 'GET', ApiRoutes.sessionCases(live.session.id), { cookie: outsider })).toMatchObject({ status: 404 });
    expect(await http(hearth, 'POST', ApiRoutes.enterSession(live.session.id), { cookie: outsider, body: {} })).toMatchObject({ status: 404 });
    // A setting of the group is the host's: the co-facilitator is told so.
    expect(await http(hearth, 'PUT', ApiRoutes.groupObservation(live.group.id), { cookie: co, body: { allowed: false } })).toMatchObject({ status: 403, body: { error: { code: 'not_allowed' } } });

    const hostCredential = await http<RoomCredential>(hearth, 'POST', ApiRoutes.enterSession(live.session.id), { cookie: live.cookie, body: {} });
    const coCredential = await http<RoomCredential>(hearth, 'POST', ApiRoutes.enterSession(live.session.id), { cookie: co, body: {} });
    expect(coCredential.status).toBe(200);
    const host = await connectParticipant(hearth.url, hostCredential.body.token);
    await join(host);
    const coClient = await connectParticipant(hearth.url, coCredential.body.token);
    const coJoined = await join(coClient);
    expect(coJoined.self).toMatchObject({ displayName: 'Cole', role: 'co_facilitator' });
    const sam = await connectParticipant(hearth.url, (await memberCredential(hearth, live, 'Sam')).token);
    const samJoined = await join(sam);
    // Co-runs: mutes a member, and the member hears it.
    const muted = sam.next('moderation:muted');
    expect(await coClient.send('moderation:mute', { participantId: samJoined.self.id })).toMatchObject({ ok: true });
    expect(await muted).toMatchObject({ by: { displayName: 'Cole' } });

    // [CF5] Removed by the host: out of the room at once, and the group, its session and its credential are gone for them.
    const closed = coClient.next('room:closed');
    expect(await http(hearth, 'POST', ApiRoutes.removeCoFacilitator(live.group.id, coJoined.self.id), { cookie: live.cookie })).toMatchObject({ status: 404 });
    const coAccountId = (await http<Account>(hearth, 'GET', ApiRoutes.me, { cookie: co })).body.id;
    expect(await http(hearth, 'POST', ApiRoutes.removeCoFacilitator(live.group.id, coAccountId), { cookie: co })).toMatchObject({ status: 403 });
    expect(await http(hearth, 'POST', ApiRoutes.removeCoFacilitator(live.group.id, coAccountId), { cookie: live.cookie })).toMatchObject({ status: 204 });
    expect(await closed).toMatchObject({ reason: 'removed' });
    await settle();
    expect(eventsNamed(sam, 'participant:left')).toContainEqual(expect.objectContaining({ participantId: coJoined.self.id }));
    expect(await handshakeRefusal(hearth.url, { protocolVersion: PROTOCOL_VERSION, token: coCredential.body.token })).toMatchObject({ code: 'removed' });
    expect((await http<Group[]>(hearth, 'GET', ApiRoutes.groups, { cookie: co })).body).toEqual([]);
    expect(await http(hearth, 'POST', ApiRoutes.enterSession(live.session.id), { cookie: co, body: {} })).toMatchObject({ status: 404 });
    expect(await http(hearth, 'GET', ApiRoutes.groupSessions(live.group.id), { cookie: co })).toMatchObject({ status: 404 });
    // The host's own place is untouched.
    expect(await host.send('moderation:mute', { participantId: samJoined.self.id })).toMatchObject({ ok: true });
    for (const c of [host, coClient, sam]) c.close();
  });

  it('[CF4] a co-facilitator starts a session of the group, and its sessions list shows it to the host', async () => {
    expect(await add('otto@example.org')).toMatchObject({ status: 201 });
    const started = await http<Session>(hearth, 'POST', ApiRoutes.groupSessions(live.group.id), { cookie: outsider, body: { title: 'Otto runs this one' } });
    expect(started.status).toBe(201);
    const sessions = await http<Session[]>(hearth, 'GET', ApiRoutes.groupSessions(live.group.id), { cookie: live.cookie });
    expect(sessions.body.map((s) => s.title)).toContain('Otto runs this one');
  });

  it("[RM8] [CF4] a member cannot take the name of a co-facilitator's account that has not entered", async () => {
    const invite = await http<{ path: string }>(hearth, 'POST', ApiRoutes.sessionInvites(live.session.id), { cookie: live.cookie, body: { role: 'member' } });
    const token = invite.body.path.split('/').at(-1) ?? '';
    const answer = await http(hearth, 'POST', ApiRoutes.redeemInvite(token), { body: { displayName: ' OTTO ' } });
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'invalid_payload', message: expect.stringContaining("group's facilitators") } } });
  });

  it('[CF5] added back after a removal, the co-facilitator enters the running session again', async () => {
    expect(await add('cole@example.org')).toMatchObject({ status: 201 });
    const again = await http<RoomCredential>(hearth, 'POST', ApiRoutes.enterSession(live.session.id), { cookie: co, body: {} });
    expect(again.status).toBe(200);
    const client = await connectParticipant(hearth.url, again.body.token);
    expect((await join(client)).self).toMatchObject({ displayName: 'Cole', role: 'co_facilitator' });
    client.close();
  });
});
