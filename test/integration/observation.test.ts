import { beforeEach, describe, expect, it } from 'vitest';
import { ApiRoutes, PROTOCOL_VERSION, RulesRoutes, type Group, type InvitePreview, type RoomRules } from '@hearth/shared';
import { createInvite, facilitatorCredential, http, memberCredential, redeem, tokenOf, type LiveSession } from '../support/api.js';
import type { TestHearth } from '../support/hearth.js';
import { useLiveRoom } from '../support/live-room.js';
import { eventsNamed, handshakeRefusal, join, settle } from '../support/sockets.js';

/**
 * [SV6] Observation is made known, never secret: members are told before they join that an observer may
 * be present and in the room that one is (never who), and a group can turn observation off, which shuts
 * every supervisor out on every path.
 */
const fixture = useLiveRoom();
let hearth: TestHearth;
let live: LiveSession;
beforeEach(() => ({ hearth, live } = fixture));

const setObservation = (allowed: unknown, cookie: string | undefined = live.cookie, groupId = live.group.id) =>
  http<Group & { error?: { code: string } }>(hearth, 'PUT', ApiRoutes.groupObservation(groupId), { cookie, body: { allowed } });

async function supervisorCredential() {
  const answer = await redeem(hearth, await createInvite(hearth, live, { role: 'supervisor' }), 'Dr Vera Okafor');
  expect(answer.status).toBe(201);
  return answer.body;
}

/** Fran (facilitator) and Sam (member) joined, then Vera the supervisor. */
async function observedRoom() {
  const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
  const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
  await join(fran);
  await join(sam);
  const veraCredential = await supervisorCredential();
  const vera = await fixture.connect(veraCredential.token);
  const veraId = (await join(vera)).self.id;
  await settle();
  return { fran, sam, vera, veraId, veraCredential };
}

describe('[SV6] members are told observation is possible, and when an observer is present', () => {
  it('a new group allows observation, and says so on the member’s link and at the consent gate', async () => {
    expect(live.group.observationAllowed).toBe(true);
    const invite = await createInvite(hearth, live);
    const preview = await http<InvitePreview>(hearth, 'GET', ApiRoutes.invitePreview(tokenOf(invite)));
    expect(preview.body.observationAllowed).toBe(true);
    const sam = (await redeem(hearth, invite, 'Sam')).body;
    const rules = await http<RoomRules>(hearth, 'POST', RulesRoutes.roomRules, { body: { token: sam.token } });
    expect(rules.status).toBe(200);
    expect(rules.body.observationAllowed).toBe(true);
  });

  it('a member joining a room with an observer is told one is there by a bare id, never who', async () => {
    const { veraId } = await observedRoom();
    const alex = await fixture.connect((await memberCredential(hearth, live, 'Alex')).token);
    const joined = await join(alex);
    expect(joined.hiddenMediaPeers).toEqual([veraId]);
    expect(JSON.stringify(joined)).not.toContain('Vera');
  });
});

describe('[SV6] a group turns observation off', () => {
  it('the supervisor in the live session is taken out and told why; members stay and learn nobody’s name', async () => {
    const { fran, sam, vera, veraId } = await observedRoom();
    const closed = vera.next('room:closed');
    const answer = await setObservation(false);
    expect(answer.status).toBe(200);
    expect(answer.body.observationAllowed).toBe(false);
    expect(await closed).toMatchObject({ reason: 'observation_off' });
    await settle();
    expect(vera.socket.connected).toBe(false);
    expect(sam.socket.connected).toBe(true);
    expect(eventsNamed(fran, 'participant:left')).toContainEqual({ participantId: veraId, reason: 'left' });
    // The member hears that no observer is present any more: the bare id list, now empty.
    expect(eventsNamed(sam, 'media:hidden-peers').at(-1)).toEqual({ participantIds: [] });
    expect(eventsNamed(sam, 'participant:left')).toEqual([]);
    expect(JSON.stringify(sam.received)).not.toContain('Vera');
  });

  it('then no supervisor gets in by any path: handshake, consent routes, link, new invite', async () => {
    const supervisorLink = await createInvite(hearth, live, { role: 'supervisor' });
    const { veraCredential } = await observedRoom();
    expect((await setObservation(false)).status).toBe(200);

    expect(await handshakeRefusal(hearth.url, { protocolVersion: PROTOCOL_VERSION, token: veraCredential.token })).toMatchObject({ code: 'observation_off' });
    const rules = await http<{ error: { code: string } }>(hearth, 'POST', RulesRoutes.roomRules, { body: { token: veraCredential.token } });
    expect([rules.status, rules.body.error.code]).toEqual([403, 'observation_off']);
    const preview = await http<{ error: { code: string } }>(hearth, 'GET', ApiRoutes.invitePreview(tokenOf(supervisorLink)));
    expect([preview.status, preview.body.error.code]).toEqual([403, 'observation_off']);
    const redeemed = await redeem(hearth, supervisorLink, 'Someone else');
    expect(redeemed.status).toBe(403);
    const invite = await http<{ error: { code: string; message: string } }>(hearth, 'POST', ApiRoutes.sessionInvites(live.session.id), {
      cookie: live.cookie,
      body: { role: 'supervisor' },
    });
    expect([invite.status, invite.body.error.code]).toEqual([403, 'observation_off']);
    expect(invite.body.error.message).toMatch(/turn it on/i);

    // Members and co-facilitators come in as before, and are no longer told an observer may be present.
    const memberLink = await createInvite(hearth, live);
    const memberPreview = await http<InvitePreview>(hearth, 'GET', ApiRoutes.invitePreview(tokenOf(memberLink)));
    expect(memberPreview.body.observationAllowed).toBe(false);
    const alex = await fixture.connect((await redeem(hearth, memberLink, 'Alex')).body.token);
    expect((await join(alex)).hiddenMediaPeers).toEqual([]);
  });

  it('turned on again, the same supervisor credential admits them again', async () => {
    const { veraCredential } = await observedRoom();
    expect((await setObservation(false)).status).toBe(200);
    const on = await setObservation(true);
    expect([on.status, on.body.observationAllowed]).toEqual([200, true]);
    const vera = await fixture.connect(veraCredential.token);
    expect((await join(vera)).self.role).toBe('supervisor');
  });

  it('refuses a malformed body, an unknown group and anyone not signed in, changing nothing', async () => {
    expect((await setObservation('no')).status).toBe(400);
    expect((await http(hearth, 'PUT', ApiRoutes.groupObservation(live.group.id), { cookie: live.cookie, body: { allowed: false, extra: 1 } })).status).toBe(400);
    expect((await setObservation(false, live.cookie, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await http(hearth, 'PUT', ApiRoutes.groupObservation(live.group.id), { body: { allowed: false } })).status).toBe(401);
    const sam = (await memberCredential(hearth, live, 'Sam')).token;
    expect((await http(hearth, 'PUT', ApiRoutes.groupObservation(live.group.id), { cookie: `hearth_session=${sam}`, body: { allowed: false } })).status).toBe(401);
    const groups = await http<Group[]>(hearth, 'GET', ApiRoutes.groups, { cookie: live.cookie });
    expect(groups.body.find((g) => g.id === live.group.id)?.observationAllowed).toBe(true);
  });
});
