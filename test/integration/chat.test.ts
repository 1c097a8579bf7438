import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiRoutes, CHAT_TEXT_MAX, type ChatMessage } from '@hearth/shared';
import { createInvite, facilitatorCredential, http, memberCredential, redeem, startLiveSession, type LiveSession } from '../support/api.js';
import { dumpDatabase, tablesContaining } from '../support/database-scan.js';
import type { TestHearth } from '../support/hearth.js';
import { useLiveRoom } from '../support/live-room.js';
import { freePort, startHearthProcess } from '../support/server-process.js';
import { connectParticipant, eventsNamed, join, settle, type TestClient } from '../support/sockets.js';

/**
 * Group chat (docs/spec.md CH1-CH6) against the real server and real socket.io clients: who receives each
 * message in each mode, and who must not (a member while it is for facilitators, someone in the waiting
 * room, a member of another session), removal, the end of a session, the rate budget, and the logs.
 */
const fixture = useLiveRoom();
let hearth: TestHearth;
let live: LiveSession;
beforeEach(() => ({ hearth, live } = fixture));

/**
 * The staffed room (Fran, Kim, Sam, Alex) plus Vera the hidden supervisor in the room, Wren in the waiting
 * room, and Olly, a member joined to another session of the same facilitator.
 */
async function fullCast() {
  const room = await fixture.staffedRoom();
  const vera = await fixture.connect((await redeem(hearth, await createInvite(hearth, live, { role: 'supervisor' }), 'Vera')).body.token);
  await join(vera);
  expect(await room.fran.send('moderation:waiting-room', { enabled: true })).toMatchObject({ ok: true });
  const wren = await fixture.connect((await memberCredential(hearth, live, 'Wren')).token);
  expect(await wren.send('room:join', { audio: false, video: false })).toMatchObject({ ok: false, error: { code: 'admission_required' } });
  expect(await wren.send('waiting:enter', {})).toMatchObject({ ok: true });
  const other = await startLiveSession(hearth, live.cookie);
  const olly = await fixture.connect((await memberCredential(hearth, other, 'Olly')).token);
  await join(olly);
  const fran2 = await fixture.connect((await facilitatorCredential(hearth, other)).token);
  await join(fran2);
  await settle();
  return { ...room, vera, wren, olly, otherFacilitator: fran2 };
}

const chatOf = (client: TestClient) => eventsNamed(client, 'chat:message') as ChatMessage[];
const textsOf = (client: TestClient) => chatOf(client).map((m) => m.text);

async function send(client: TestClient, text: string): Promise<ChatMessage> {
  const ack = await client.send('chat:send', { text });
  if (!ack.ok) throw new Error(`chat:send refused: ${ack.error.code}`);
  return ack.message;
}

async function historyOf(client: TestClient) {
  const ack = await client.send('chat:history', {});
  if (!ack.ok) throw new Error(`chat:history refused: ${ack.error.code}`);
  return { mode: ack.mode, texts: ack.messages.map((m) => m.text) };
}

describe('[CH1] a message in "everyone" mode', () => {
  it('reaches everyone in the room, the supervisor included, and nobody waiting or in another session', async () => {
    const { fran, kim, sam, alex, vera, wren, olly, otherFacilitator, ids } = await fullCast();
    const message = await send(sam, '  Thank you all for listening tonight.  ');
    await settle();

    // The sender is the socket's participant, the text trimmed.
    expect(message).toMatchObject({ from: { id: ids.sam, displayName: 'Sam', role: 'member' }, text: 'Thank you all for listening tonight.', audience: 'everyone' });
    for (const reader of [fran, kim, alex, vera]) expect(chatOf(reader)).toEqual([message]);
    // The sender has it in the ack, not twice.
    expect(chatOf(sam)).toEqual([]);
    for (const outsider of [wren, olly, otherFacilitator]) {
      expect(outsider.received.map((r) => JSON.stringify(r.payload)).join('\n')).not.toContain('listening tonight');
    }
    // Another session's history is its own.
    expect(await historyOf(olly)).toEqual({ mode: 'everyone', texts: [] });
    expect(await historyOf(vera)).toEqual({ mode: 'everyone', texts: ['Thank you all for listening tonight.'] });
  });

  it('a link stays plain text, exactly as written', async () => {
    const { sam, alex } = await fullCast();
    const text = 'The helpline page is https://example.org/help?x=1 <b>not bold</b>';
    expect((await send(sam, text)).text).toBe(text);
    await settle();
    expect(textsOf(alex)).toEqual([text]);
  });
});

describe('who may do what', () => {
  it('[CH5] a member may not remove a message or change the mode (not_allowed), and nothing changes', async () => {
    const { sam, alex, fran } = await fullCast();
    const message = await send(fran, 'Welcome, everyone.');
    expect(await sam.send('chat:remove', { messageId: message.id })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await sam.send('chat:mode', { mode: 'off' })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    await settle();
    expect(eventsNamed(alex, 'chat:removed')).toEqual([]);
    expect(eventsNamed(alex, 'chat:mode')).toEqual([]);
    expect(await historyOf(alex)).toEqual({ mode: 'everyone', texts: ['Welcome, everyone.'] });
  });

  it('[SV2] the hidden supervisor reads but cannot write; someone waiting can do neither', async () => {
    const { vera, wren, alex } = await fullCast();
    expect(await vera.send('chat:send', { text: 'hello' })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await vera.send('chat:history', {})).toMatchObject({ ok: true, mode: 'everyone', messages: [] });
    expect(await wren.send('chat:send', { text: 'hello' })).toMatchObject({ ok: false, error: { code: 'not_in_room' } });
    expect(await wren.send('chat:history', {})).toMatchObject({ ok: false, error: { code: 'not_in_room' } });
    await settle();
    expect(chatOf(alex)).toEqual([]);
  });

  it('a facilitator of another session cannot remove this session\'s message', async () => {
    const { sam, otherFacilitator, alex } = await fullCast();
    const message = await send(sam, 'Mine to keep');
    expect(await otherFacilitator.send('chat:remove', { messageId: message.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await historyOf(alex)).texts).toEqual(['Mine to keep']);
  });

  it.each([
    ['chat:send', { text: '' }],
    ['chat:send', { text: '    ' }],
    ['chat:send', { text: 'x'.repeat(CHAT_TEXT_MAX + 1) }],
    ['chat:send', { text: 42 }],
    ['chat:send', {}],
    ['chat:send', { text: 'hi', from: { id: 'someone-else', displayName: 'Fran' } }],
    ['chat:send', { text: 'hi', to: 'participant-id' }],
    ['chat:remove', { messageId: 'not an id' }],
    ['chat:remove', {}],
    ['chat:mode', { mode: 'loud' }],
    ['chat:mode', { mode: 'off', extra: true }],
    ['chat:history', { since: 0 }],
  ])('%s %j is refused invalid_payload, and nobody receives anything', async (event, payload) => {
    const { fran, alex } = await fullCast();
    expect(await fran.sendRaw(event, payload)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    await settle();
    expect(alex.received.filter((r) => r.event.startsWith('chat:'))).toEqual([]);
  });

  it('takes a message of exactly the longest length', async () => {
    const { sam } = await fullCast();
    expect((await send(sam, 'y'.repeat(CHAT_TEXT_MAX))).text).toHaveLength(CHAT_TEXT_MAX);
  });
});

describe('[CH2] "facilitators" mode', () => {
  it('only facilitators write; facilitators and the supervisor read; members neither, and their history is empty', async () => {
    const { fran, kim, sam, alex, vera, wren } = await fullCast();
    await send(sam, 'Before the change');
    expect(await kim.send('chat:mode', { mode: 'facilitators' })).toEqual({ ok: true, mode: 'facilitators' });
    await settle();
    // Everyone in the room is told the mode, so members can see why the box is closed.
    for (const person of [fran, sam, alex, vera]) expect(eventsNamed(person, 'chat:mode')).toEqual([{ mode: 'facilitators' }]);
    expect(eventsNamed(wren, 'chat:mode')).toEqual([]);

    expect(await sam.send('chat:send', { text: 'Can I still write?' })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    const note = await send(fran, 'Sam seems tired; let us keep the check-out short');
    expect(note.audience).toBe('facilitators');
    await settle();
    expect(chatOf(kim).map((m) => m.text)).toContain(note.text);
    expect(chatOf(vera).map((m) => m.text)).toContain(note.text);
    for (const member of [sam, alex, wren]) {
      expect(member.received.map((r) => JSON.stringify(r.payload)).join('\n')).not.toContain('check-out short');
    }
    expect(await historyOf(sam)).toEqual({ mode: 'facilitators', texts: [] });
    expect(await historyOf(kim)).toEqual({ mode: 'facilitators', texts: ['Before the change', note.text] });

    // Opened to everyone again, members see what was written for everyone, never the facilitators' note.
    await fran.send('chat:mode', { mode: 'everyone' });
    expect(await historyOf(alex)).toEqual({ mode: 'everyone', texts: ['Before the change'] });
  });
});

describe('[CH3] "off" mode', () => {
  it('nobody can send (chat_off); what was written stays readable', async () => {
    const { fran, sam, alex } = await fullCast();
    await send(alex, 'Earlier words');
    expect(await fran.send('chat:mode', { mode: 'off' })).toEqual({ ok: true, mode: 'off' });
    const refused = await sam.send('chat:send', { text: 'Anyone there?' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'chat_off', message: expect.stringMatching(/turned the chat off/) } });
    expect(await fran.send('chat:send', { text: 'Me neither' })).toMatchObject({ ok: false, error: { code: 'chat_off' } });
    await settle();
    expect(chatOf(alex)).toEqual([]);
    expect(await historyOf(sam)).toEqual({ mode: 'off', texts: ['Earlier words'] });
  });
});

describe('[CH5] removal', () => {
  it('takes the message out for everyone who had it: live and in every history', async () => {
    const { fran, kim, sam, alex, vera } = await fullCast();
    await send(alex, 'Staying');
    const unkind = await send(sam, 'Something unkind');
    expect(await kim.send('chat:remove', { messageId: unkind.id })).toEqual({ ok: true });
    await settle();
    for (const person of [fran, kim, sam, alex, vera]) {
      expect(eventsNamed(person, 'chat:removed')).toEqual([{ messageId: unkind.id }]);
      expect((await historyOf(person)).texts).toEqual(['Staying']);
    }
    expect(await fran.send('chat:remove', { messageId: unkind.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it("a facilitators' message, removed, is announced only to those who had it", async () => {
    const { fran, kim, sam } = await fullCast();
    await fran.send('chat:mode', { mode: 'facilitators' });
    const note = await send(kim, 'A note for us');
    expect(await fran.send('chat:remove', { messageId: note.id })).toEqual({ ok: true });
    await settle();
    expect(eventsNamed(kim, 'chat:removed')).toEqual([{ messageId: note.id }]);
    expect(eventsNamed(sam, 'chat:removed')).toEqual([]);
  });
});

describe('[CH4] never stored', () => {
  it('the end of a session empties its chat from memory, and no message was ever in the database', async () => {
    const { sam, fran } = await fullCast();
    await send(sam, 'A sentence only this room heard');
    await fran.send('chat:mode', { mode: 'off' });
    expect(hearth.services.chat.list(live.session.id)).toHaveLength(1);
    expect(tablesContaining(await dumpDatabase(hearth.services.db, 'sqlite'), 'only this room heard')).toEqual([]);

    expect((await http(hearth, 'POST', ApiRoutes.endSession(live.session.id), { cookie: live.cookie })).status).toBe(200);
    expect(hearth.services.chat.list(live.session.id)).toEqual([]);
    expect(hearth.services.chat.mode(live.session.id)).toBe('everyone');
    expect(tablesContaining(await dumpDatabase(hearth.services.db, 'sqlite'), 'only this room heard')).toEqual([]);
  });
});

describe('[CH6] the rate budget', () => {
  it('a flood is refused rate_limited, and what was refused reaches nobody', async () => {
    const { sam, alex } = await fullCast();
    const answers = [];
    for (let i = 0; i < 25; i++) answers.push(await sam.send('chat:send', { text: `flood ${i}` }));
    const refused = answers.filter((a) => !a.ok);
    expect(answers.slice(0, 20).every((a) => a.ok)).toBe(true);
    expect(refused).toHaveLength(5);
    expect(refused[0]).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    await settle();
    expect(textsOf(alex)).toHaveLength(20);
    expect(textsOf(alex)).not.toContain('flood 20');
  });
});

describe('[CH4] never logged', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('with logging at its most verbose, no message text reaches the server output', async () => {
    const dataDir = mkdtempSync(joinPath(tmpdir(), 'hearth-chat-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const server = await startHearthProcess({ DATA_DIR: dataDir, PORT: String(await freePort()), HOST: '127.0.0.1', LOG_LEVEL: 'trace' });
    cleanup.push(() => server.kill('SIGKILL'));
    const session = await startLiveSession(server);
    const connect = async (token: string) => {
      const client = await connectParticipant(server.url, token);
      cleanup.push(() => client.close());
      await join(client);
      return client;
    };
    const fran = await connect((await facilitatorCredential(server, session)).token);
    const sam = await connect((await memberCredential(server, session, 'Sam')).token);
    const words = ['my sister is in hospital again', 'we are here for you', 'not sure I can stay long'];
    const sent = [await send(sam, words[0]!), await send(fran, words[1]!)];
    expect(await fran.send('chat:remove', { messageId: sent[0]!.id })).toEqual({ ok: true });
    await fran.send('chat:mode', { mode: 'facilitators' });
    // Refused sends and malformed ones too: their text must not turn up in an error line either.
    expect(await sam.send('chat:send', { text: words[2]! })).toMatchObject({ ok: false });
    await sam.sendRaw('chat:send', { text: words[2], extra: words[2] });
    expect((await http(server, 'POST', ApiRoutes.endSession(session.session.id), { cookie: session.cookie })).status).toBe(200);
    await settle(300);

    expect(server.output()).toContain('incoming request'); // trace logging really was on
    for (const text of words) expect(server.output()).not.toContain(text);
  });
});
