import { RulesRoutes, type GroupRules, type RoomRules, type RuleSet, type SaveRulesBody } from '@hearth/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { createInvite, facilitatorCredential, http, memberCredential, redeem, startLiveSession, type LiveSession } from '../support/api.js';
import type { TestHearth } from '../support/hearth.js';
import { useLiveRoom } from '../support/live-room.js';
import { eventsNamed, join, settle } from '../support/sockets.js';

const fixture = useLiveRoom();
let hearth: TestHearth;
let live: LiveSession;
beforeEach(() => ({ hearth, live } = fixture));

const firstRules: SaveRulesBody = {
  basedOn: null,
  confidentiality: 'What is shared here stays here, unless someone is at risk of serious harm.',
  rules: [{ text: 'Respect each other' }, { text: 'One voice at a time' }, { text: 'Phones away' }],
};

async function saveRules(body: SaveRulesBody, cookie = live.cookie, groupId = live.group.id) {
  return http<RuleSet>(hearth, 'PUT', RulesRoutes.groupRules(groupId), { cookie, body });
}
async function setRules(body: SaveRulesBody = firstRules): Promise<RuleSet> {
  const answer = await saveRules(body);
  if (answer.status !== 201) throw new Error(`save failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}
const roomRules = (token: string) => http<RoomRules>(hearth, 'POST', RulesRoutes.roomRules, { body: { token } });
const consent = (token: string, version: number) => http(hearth, 'POST', RulesRoutes.roomConsent, { body: { token, version } });

describe('[GR1] facilitators keep versioned rules', () => {
  it('every change makes a new version and older versions stay readable', async () => {
    const v1 = await setRules();
    expect(v1).toMatchObject({ version: 1, rules: [{ text: 'Respect each other' }, { text: 'One voice at a time' }, { text: 'Phones away' }] });
    const [a, , c] = v1.rules;
    const v2 = await setRules({ basedOn: 1, confidentiality: v1.confidentiality, rules: [{ id: c!.id, text: c!.text }, { id: a!.id, text: 'Respect everyone' }, { text: 'The right to pass' }] });
    expect(v2.version).toBe(2);
    expect(v2.rules.map((r) => r.text)).toEqual(['Phones away', 'Respect everyone', 'The right to pass']);
    expect(v2.rules[1]!.id).toBe(a!.id);

    const old = await http<RuleSet>(hearth, 'GET', RulesRoutes.groupRulesVersion(live.group.id, 1), { cookie: live.cookie });
    expect(old.body).toEqual(v1);
    const listing = await http<GroupRules>(hearth, 'GET', RulesRoutes.groupRules(live.group.id), { cookie: live.cookie });
    expect(listing.body.current).toEqual(v2);
    expect(listing.body.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(listing.body.templates.map((t) => t.id)).toEqual(['peer_support', 'client_support', 'staff_support']);
  });

  it('a save from a stale page is a conflict, and makes no version', async () => {
    await setRules();
    const stale = await saveRules({ ...firstRules, basedOn: null });
    expect(stale).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    const listing = await http<GroupRules>(hearth, 'GET', RulesRoutes.groupRules(live.group.id), { cookie: live.cookie });
    expect(listing.body.versions).toHaveLength(1);
  });

  it.each([
    ['no rules', { ...firstRules, rules: [] }],
    ['an empty rule', { ...firstRules, rules: [{ text: '   ' }] }],
    ['an extra field', { ...firstRules, extra: 1 }],
    ['a malformed id', { ...firstRules, rules: [{ id: 'no spaces allowed', text: 'x' }] }],
  ])('refuses %s (invalid_payload)', async (_name, body) => {
    const answer = await saveRules(body as SaveRulesBody);
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'invalid_payload' } } });
  });

  it('[GR2] nobody but the group\'s facilitator can read or change its rules', async () => {
    await setRules();
    expect((await http(hearth, 'GET', RulesRoutes.groupRules(live.group.id))).status).toBe(401);
    expect((await saveRules({ ...firstRules, basedOn: 1 }, '')).status).toBe(401);
    // A member holds only a room credential: it opens no facilitator route.
    const member = await memberCredential(hearth, live, 'Sam');
    const withToken = await http(hearth, 'PUT', RulesRoutes.groupRules(live.group.id), { body: { ...firstRules, basedOn: 1, token: member.token } });
    expect(withToken.status).toBe(401);
    // Another facilitator's group is simply not found.
    const other = await http<{ id: string }>(hearth, 'POST', '/api/groups', { cookie: live.cookie, body: { name: 'Other', purpose: '' } });
    expect((await http(hearth, 'GET', RulesRoutes.groupRulesVersion(other.body.id, 1), { cookie: live.cookie })).status).toBe(404);
  });
});

describe('[GR5] the consent gate', () => {
  it('a group with no rules has nothing to agree to', async () => {
    const sam = await memberCredential(hearth, live, 'Sam');
    expect((await roomRules(sam.token)).body).toEqual({ ruleSet: null, consentRequired: false, consentedVersion: null, changes: null, observationAllowed: true });
    await join(await fixture.connect(sam.token));
  });

  it('a raw socket client cannot join without agreeing to the current version', async () => {
    await setRules();
    const sam = await memberCredential(hearth, live, 'Sam');
    const socket = await fixture.connect(sam.token);
    expect(await socket.send('room:join', { audio: false, video: false })).toMatchObject({ ok: false, error: { code: 'consent_required' } });
    // Not admitted: room commands still need a join.
    expect(await socket.send('distress:raise', { level: 'struggling' })).toMatchObject({ ok: false, error: { code: 'not_in_room' } });
    expect(await socket.send('rules:get', {})).toMatchObject({ ok: false, error: { code: 'not_in_room' } });
    expect(hearth.services.rooms.list(live.session.id)).toEqual([]);
  });

  it('agreeing is recorded (who, which version, when) and then the join succeeds', async () => {
    const v1 = await setRules();
    const sam = await memberCredential(hearth, live, 'Sam');
    const gate = await roomRules(sam.token);
    expect(gate.body).toEqual({ ruleSet: v1, consentRequired: true, consentedVersion: null, changes: null, observationAllowed: true });
    expect(await consent(sam.token, 1)).toMatchObject({ status: 200, body: { version: 1, consentedAt: expect.any(Number) } });
    const socket = await fixture.connect(sam.token);
    await join(socket);
    const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    await join(fran);
    const seen = await fran.send('rules:get', {});
    expect(seen).toMatchObject({ ok: true, ruleSet: v1, consents: [{ participantId: sam.participantId, displayName: 'Sam', version: 1 }] });
  });

  it('after a change, someone who agreed to the old version is refused and shown what changed', async () => {
    const v1 = await setRules();
    const sam = await memberCredential(hearth, live, 'Sam');
    await consent(sam.token, 1);
    const [a, b] = v1.rules;
    await setRules({ basedOn: 1, confidentiality: v1.confidentiality, rules: [{ id: a!.id, text: 'Respect everyone' }, { id: b!.id, text: b!.text }, { text: 'No advice unless asked' }] });
    const socket = await fixture.connect(sam.token);
    expect(await socket.send('room:join', { audio: false, video: false })).toMatchObject({ ok: false, error: { code: 'consent_required' } });
    const gate = (await roomRules(sam.token)).body;
    expect(gate).toMatchObject({ consentRequired: true, consentedVersion: 1, ruleSet: { version: 2 } });
    expect(gate.changes).toEqual({ fromVersion: 1, added: [gate.ruleSet!.rules[2]!.id], changed: [a!.id], removed: [v1.rules[2]], confidentialityChanged: false });
    // Agreeing to the old version again does not count.
    expect(await consent(sam.token, 1)).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect((await consent(sam.token, 2)).status).toBe(200);
    await join(socket);
  });

  it('facilitators and co-facilitators are not gated', async () => {
    await setRules();
    await join(await fixture.connect((await facilitatorCredential(hearth, live)).token));
    await join(await fixture.connect((await redeem(hearth, await createInvite(hearth, live, { role: 'co_facilitator' }), 'Kim')).body.token));
  });

  it('the gate routes refuse bad credentials and malformed bodies', async () => {
    await setRules();
    expect(await roomRules('x'.repeat(43))).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    expect(await http(hearth, 'POST', RulesRoutes.roomRules, { body: {} })).toMatchObject({ status: 400, body: { error: { code: 'invalid_payload' } } });
    expect(await http(hearth, 'POST', RulesRoutes.roomConsent, { body: { token: 'x'.repeat(43), version: 'one' } })).toMatchObject({ status: 400 });
  });
});

/** Fran (facilitator), Kim (co-facilitator), Sam and Alex (members who agreed), all joined. */
async function roomWithRules() {
  const rules = await setRules();
  const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
  const kim = await fixture.connect((await redeem(hearth, await createInvite(hearth, live, { role: 'co_facilitator' }), 'Kim')).body.token);
  const samCred = await memberCredential(hearth, live, 'Sam');
  const alexCred = await memberCredential(hearth, live, 'Alex');
  await consent(samCred.token, 1);
  await consent(alexCred.token, 1);
  const sam = await fixture.connect(samCred.token);
  const alex = await fixture.connect(alexCred.token);
  for (const c of [fran, kim, sam, alex]) await join(c);
  await settle();
  return { rules, fran, kim, sam, alex, samCred };
}

describe('in the room', () => {
  it('a facilitator\'s spotlight reaches everyone in the room, and nobody elsewhere', async () => {
    const { rules, fran, kim, sam, alex } = await roomWithRules();
    const other = await startLiveSession(hearth, live.cookie);
    const outsider = await fixture.connect((await facilitatorCredential(hearth, other)).token);
    await join(outsider);
    const rule = rules.rules[1]!;
    const arrivals = [fran, kim, sam, alex].map((c) => c.next('rules:spotlighted'));
    expect(await fran.send('rules:spotlight', { ruleId: rule.id })).toEqual({ ok: true });
    for (const got of await Promise.all(arrivals)) expect(got).toMatchObject({ version: 1, rule });
    await settle();
    expect(eventsNamed(outsider, 'rules:spotlighted')).toEqual([]);
  });

  it('[GR2] members cannot spotlight; nobody can spotlight a rule that is not current', async () => {
    const { rules, fran, sam } = await roomWithRules();
    expect(await sam.send('rules:spotlight', { ruleId: rules.rules[0]!.id })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await fran.send('rules:spotlight', { ruleId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await fran.sendRaw('rules:spotlight', { ruleId: rules.rules[0]!.id, extra: true })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('[GR6] an ask to revisit a rule reaches facilitators with the rule and no identity at all', async () => {
    const { rules, fran, kim, sam, alex, samCred } = await roomWithRules();
    const rule = rules.rules[2]!;
    const franGets = fran.next('rules:revisit-requested');
    const kimGets = kim.next('rules:revisit-requested');
    expect(await sam.send('rules:revisit', { ruleId: rule.id })).toEqual({ ok: true });
    for (const got of [await franGets, await kimGets]) {
      expect(got).toEqual({ version: 1, rule, at: expect.any(Number) });
      const wire = JSON.stringify(got);
      for (const trace of [samCred.participantId, 'Sam', sam.socket.id!]) expect(wire).not.toContain(trace);
    }
    await settle();
    expect(eventsNamed(alex, 'rules:revisit-requested')).toEqual([]);
    expect(eventsNamed(sam, 'rules:revisit-requested')).toEqual([]);
  });

  it('[GR6] an ask to revisit is refused to anyone not admitted to the room, and for a rule that is not current', async () => {
    const { rules, fran, sam } = await roomWithRules();
    const stranger = await fixture.connect((await memberCredential(hearth, live, 'Jo')).token);
    expect(await stranger.send('rules:revisit', { ruleId: rules.rules[0]!.id })).toMatchObject({ ok: false, error: { code: 'not_in_room' } });
    expect(await sam.send('rules:revisit', { ruleId: 'unknown' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await settle();
    expect(eventsNamed(fran, 'rules:revisit-requested')).toEqual([]);
  });

  it('[RL1] a member asking to revisit again and again is slowed down after three asks a minute; facilitators get three', async () => {
    const { rules, fran, sam } = await roomWithRules();
    const ruleId = rules.rules[0]!.id;
    for (let i = 0; i < 3; i++) expect(await sam.send('rules:revisit', { ruleId })).toEqual({ ok: true });
    expect(await sam.send('rules:revisit', { ruleId })).toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringContaining('wait a moment') } });
    // Other commands still work: only the budget for this command is spent.
    expect(await sam.send('rules:get', {})).toMatchObject({ ok: true });
    await settle();
    expect(eventsNamed(fran, 'rules:revisit-requested')).toHaveLength(3);
  });

  it('[GR2] members see the rules but not who has agreed', async () => {
    const { rules, sam } = await roomWithRules();
    expect(await sam.send('rules:get', {})).toEqual({ ok: true, ruleSet: rules, consents: null, proposals: [] });
  });
});

describe('[GR7] drafting together', () => {
  it('a member proposes, others answer, the facilitator adopts: a new version everyone hears of', async () => {
    const { rules, fran, kim, sam, alex } = await roomWithRules();
    const everyone = [fran, kim, sam, alex];
    const proposed = everyone.map((c) => c.next('rules:proposal'));
    const ack = await sam.send('rules:propose', { text: 'Cameras are optional' });
    if (!ack.ok) throw new Error(ack.error.message);
    expect(ack.proposal).toMatchObject({ kind: 'add', text: 'Cameras are optional', agree: 0, concern: 0, status: 'open' });
    for (const got of await Promise.all(proposed)) expect(got).toEqual(ack.proposal);

    await alex.send('rules:respond', { proposalId: ack.proposal.id, response: 'agree' });
    const answered = await kim.send('rules:respond', { proposalId: ack.proposal.id, response: 'concern' });
    expect(answered).toMatchObject({ ok: true, proposal: { agree: 1, concern: 1 } });
    expect(JSON.stringify(eventsNamed(sam, 'rules:proposal'))).not.toMatch(/Alex|Kim/);

    const updated = everyone.map((c) => c.next('rules:updated'));
    const adopted = await fran.send('rules:decide', { proposalId: ack.proposal.id, decision: 'adopt' });
    expect(adopted).toMatchObject({ ok: true, proposal: { status: 'adopted', adoptedVersion: 2 } });
    for (const got of await Promise.all(updated)) expect(got).toMatchObject({ version: 2, rules: [...rules.rules, { text: 'Cameras are optional' }] });
    expect(await hearth.services.rules.current(live.group.id)).toMatchObject({ version: 2 });
    // Decided once: no second decision, no more answers.
    expect(await fran.send('rules:decide', { proposalId: ack.proposal.id, decision: 'set_aside' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await alex.send('rules:respond', { proposalId: ack.proposal.id, response: 'concern' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // A latecomer sees the outcome.
    expect(await sam.send('rules:get', {})).toMatchObject({ ok: true, proposals: [{ id: ack.proposal.id, status: 'adopted' }] });
  });

  it('[GR2] members cannot adopt or set aside; setting aside makes no version', async () => {
    const { rules, fran, sam } = await roomWithRules();
    const ack = await sam.send('rules:propose', { ruleId: rules.rules[0]!.id, text: 'Respect everyone, always' });
    if (!ack.ok) throw new Error(ack.error.message);
    expect(ack.proposal).toMatchObject({ kind: 'change', ruleId: rules.rules[0]!.id });
    for (const decision of ['adopt', 'set_aside'] as const) {
      expect(await sam.send('rules:decide', { proposalId: ack.proposal.id, decision })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    }
    expect(await fran.send('rules:decide', { proposalId: ack.proposal.id, decision: 'set_aside' })).toMatchObject({ ok: true, proposal: { status: 'set_aside' } });
    expect(await hearth.services.rules.current(live.group.id)).toMatchObject({ version: 1 });
  });

  it('proposals stay in their session, and malformed ones are refused', async () => {
    const { rules, sam } = await roomWithRules();
    const ack = await sam.send('rules:propose', { text: 'Tea first' });
    if (!ack.ok) throw new Error(ack.error.message);
    const other = await startLiveSession(hearth, live.cookie);
    const outsider = await fixture.connect((await facilitatorCredential(hearth, other)).token);
    await join(outsider);
    expect(await outsider.send('rules:decide', { proposalId: ack.proposal.id, decision: 'adopt' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await outsider.send('rules:get', {})).toMatchObject({ ok: true, proposals: [] });
    expect(await sam.sendRaw('rules:propose', { text: '' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await sam.send('rules:propose', { ruleId: 'gone', text: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await sam.sendRaw('rules:respond', { proposalId: ack.proposal.id, response: 'maybe' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(rules.version).toBe(1);
  });
});
