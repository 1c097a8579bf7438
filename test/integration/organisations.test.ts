// [OR1]-[OR6] Organisations through the real app: who reads what, and who must NOT.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiRoutes,
  type Account,
  type Group,
  type MyOrganisation,
  type OrganisationContact,
  type OrganisationGroup,
  type OrganisationMember,
} from '@hearth/shared';
import { facilitatorCredential, http, invitedFacilitator, memberCredential, startLiveSession, type LiveSession } from '../support/api.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { connectParticipant, join } from '../support/sockets.js';

let hearth: TestHearth;
let live: LiveSession;
let admin: string;
let outsider: string;
let trust: MyOrganisation;
const MEMBER_NAME = 'Samira Quietname';
const NOTE = 'I had a hard week at the ward';

beforeAll(async () => {
  hearth = await startHearth();
  live = await startLiveSession(hearth);
  admin = await invitedFacilitator(hearth, live.cookie, 'ada@trust.example.org', 'Ada');
  outsider = await invitedFacilitator(hearth, live.cookie, 'otto@example.org', 'Otto');
  // A session with a named member, a support request with a note and talk: what the administrator must never see.
  const host = await connectParticipant(hearth.url, (await facilitatorCredential(hearth, live)).token);
  await join(host);
  const member = await connectParticipant(hearth.url, (await memberCredential(hearth, live, MEMBER_NAME)).token);
  await join(member);
  expect(await member.send('distress:raise', { level: 'struggling', note: NOTE })).toMatchObject({ ok: true });
  host.close();
  member.close();
});
afterAll(async () => hearth?.close());

const post = <T>(path: string, cookie: string, body?: unknown) => http<T>(hearth, 'POST', path, { cookie, ...(body === undefined ? {} : { body }) });
const get = <T>(path: string, cookie: string) => http<T>(hearth, 'GET', path, { cookie });

describe('[OR1] [OR2] [OR3] an organisation, its accounts and contacts', () => {
  it('[OR1] its creator is its first administrator; others do not see it', async () => {
    const made = await post<MyOrganisation>(ApiRoutes.organisations, admin, { name: 'Northside Trust' });
    expect(made).toMatchObject({ status: 201, body: { name: 'Northside Trust', yourRole: 'admin' } });
    trust = made.body;
    expect((await get<MyOrganisation[]>(ApiRoutes.organisations, admin)).body).toEqual([trust]);
    expect((await get<MyOrganisation[]>(ApiRoutes.organisations, outsider)).body).toEqual([]);
  });

  it('[OR2] an administrator adds an account as a member; the member sees the organisation, not its accounts', async () => {
    const added = await post<OrganisationMember>(ApiRoutes.organisationMembers(trust.id), admin, { email: 'fran@example.org', role: 'member' });
    expect(added).toMatchObject({ status: 200, body: { displayName: 'Fran', role: 'member' } });
    expect((await get<MyOrganisation[]>(ApiRoutes.organisations, live.cookie)).body).toEqual([{ ...trust, yourRole: 'member' }]);
    expect(await get(ApiRoutes.organisationMembers(trust.id), live.cookie)).toMatchObject({ status: 403, body: { error: { code: 'not_allowed' } } });
    expect(await post(ApiRoutes.organisationMembers(trust.id), live.cookie, { email: 'otto@example.org', role: 'admin' })).toMatchObject({ status: 403 });
    expect(await get(ApiRoutes.organisationMembers(trust.id), outsider)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await post(ApiRoutes.organisationMembers(trust.id), admin, { email: 'nobody@example.org', role: 'member' })).toMatchObject({ status: 404 });
    // The only administrator cannot leave the organisation without one.
    expect(await post(ApiRoutes.organisationMembers(trust.id), admin, { email: 'ada@trust.example.org', role: 'member' })).toMatchObject({ status: 409 });
    const members = await get<OrganisationMember[]>(ApiRoutes.organisationMembers(trust.id), admin);
    expect(members.body.map((m) => [m.displayName, m.role])).toEqual([['Ada', 'admin'], ['Fran', 'member']]);
  });

  it('[OR3] its contacts are a name and an email, for its administrators only', async () => {
    const contact = await post<OrganisationContact>(ApiRoutes.organisationContacts(trust.id), admin, { name: 'Staff wellbeing lead', email: 'Wellbeing@Trust.example.org' });
    expect(contact).toMatchObject({ status: 201, body: { name: 'Staff wellbeing lead', email: 'wellbeing@trust.example.org' } });
    expect((await get<OrganisationContact[]>(ApiRoutes.organisationContacts(trust.id), admin)).body).toEqual([contact.body]);
    expect(await get(ApiRoutes.organisationContacts(trust.id), live.cookie)).toMatchObject({ status: 403 });
    expect(await get(ApiRoutes.organisationContacts(trust.id), outsider)).toMatchObject({ status: 404 });
    expect(await post(ApiRoutes.organisationContacts(trust.id), outsider, { name: 'X', email: 'x@example.org' })).toMatchObject({ status: 404 });
  });
});

describe('[OR4] [OR5] [OR6] a group hosted under the organisation', () => {
  it('[OR4] only its host puts it under an organisation, and only one the host belongs to', async () => {
    const otherOrg = (await post<MyOrganisation>(ApiRoutes.organisations, outsider, { name: 'Elsewhere' })).body;
    expect(await http(hearth, 'PUT', ApiRoutes.groupOrganisation(live.group.id), { cookie: live.cookie, body: { organisationId: otherOrg.id } })).toMatchObject({ status: 404 });
    expect(await http(hearth, 'PUT', ApiRoutes.groupOrganisation(live.group.id), { cookie: admin, body: { organisationId: trust.id } })).toMatchObject({ status: 404 });
    const hosted = await http<Group>(hearth, 'PUT', ApiRoutes.groupOrganisation(live.group.id), { cookie: live.cookie, body: { organisationId: trust.id } });
    expect(hosted).toMatchObject({ status: 200, body: { hostOrganisationId: trust.id, yourRole: 'host' } });
    expect((await get<OrganisationGroup[]>(ApiRoutes.organisationGroups(otherOrg.id), outsider)).body).toEqual([]);
  });

  it('[OR5] the administrator sees that the group exists, its session dates and counts, and nothing of any person', async () => {
    const seen = await get<OrganisationGroup[]>(ApiRoutes.organisationGroups(trust.id), admin);
    expect(seen.body).toEqual([
      { id: live.group.id, name: 'Tuesday circle', createdAt: live.group.createdAt, sessions: [{ startedAt: live.session.startedAt, endedAt: null, attendance: 1 }] },
    ]);
    const text = JSON.stringify(seen.body);
    for (const secret of [MEMBER_NAME, NOTE, live.session.title, 'Fran', 'talk']) expect(text).not.toContain(secret);
    expect(await get(ApiRoutes.organisationGroups(trust.id), live.cookie)).toMatchObject({ status: 403 });
    expect(await get(ApiRoutes.organisationGroups(trust.id), outsider)).toMatchObject({ status: 404 });
  });

  it('[OR6] the administrator must NOT read members, attendance by name, talk time, support records or notes: every route of the group is not_found', async () => {
    const g = live.group.id;
    const s = live.session.id;
    const refusals = [
      await get(ApiRoutes.groupSessions(g), admin),
      await get(ApiRoutes.sessionCases(s), admin),
      await get(ApiRoutes.sessionTalkTime(s), admin),
      await get(ApiRoutes.sessionInvites(s), admin),
      await get(ApiRoutes.groupFacilitators(g), admin),
      await get(`/api/groups/${g}/rules`, admin),
      await get(`/api/groups/${g}/agenda`, admin),
      await get(`/api/groups/${g}/welcome`, admin),
      await post(ApiRoutes.enterSession(s), admin, {}),
      await post(ApiRoutes.groupSessions(g), admin, {}),
    ];
    expect(refusals.map((answer) => [answer.status, (answer.body as { error?: { code: string } }).error?.code])).toEqual(refusals.map(() => [404, 'not_found']));
    for (const answer of refusals) expect(JSON.stringify(answer.body)).not.toContain(MEMBER_NAME);
    expect((await get<Group[]>(ApiRoutes.groups, admin)).body).toEqual([]);
    // Being in the organisation gives its member no more than their own groups either.
    const me = (await get<Account>(ApiRoutes.me, admin)).body;
    expect(await http(hearth, 'POST', ApiRoutes.removeCoFacilitator(g, me.id), { cookie: admin })).toMatchObject({ status: 404 });
  });
});
