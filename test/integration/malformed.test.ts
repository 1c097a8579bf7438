import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiRoutes, type ClientCommandName } from '@hearth/shared';
import { facilitatorCredential, http, startLiveSession } from '../support/api.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { connectParticipant, join, type TestClient } from '../support/sockets.js';

let hearth: TestHearth;
let fac: TestClient;

beforeAll(async () => {
  hearth = await startHearth();
  const live = await startLiveSession(hearth);
  fac = await connectParticipant(hearth.url, (await facilitatorCredential(hearth, live)).token);
  await join(fac);
});
afterAll(async () => {
  fac.close();
  await hearth.close();
});

// A facilitator sends them, so role checks pass and the payload check is what answers.
const malformed: [ClientCommandName, unknown][] = [
  ['room:join', { audio: 'yes', video: true }],
  ['room:join', { audio: true, video: true, displayName: '' }],
  ['room:join', { audio: true, video: true, displayName: 'x'.repeat(41) }],
  ['room:leave', { anything: 1 }],
  ['media:state', { audio: true }],
  ['media:state', null],
  ['media:state', 'audio'],
  ['moderation:mute', {}],
  ['moderation:mute', { participantId: '../../etc' }],
  ['moderation:mute', { participantId: 'a'.repeat(65) }],
  ['moderation:remove', { participantId: 7 }],
  ['moderation:remove', [1, 2, 3]],
];

describe('malformed payloads', () => {
  it.each(malformed)('[PV1] %s with %j is answered invalid_payload', async (command, payload) => {
    expect(await fac.sendRaw(command, payload)).toMatchObject({ ok: false, error: { code: 'invalid_payload', message: expect.any(String) } });
  });

  it('[PV1] a command without a payload is answered through its ack', async () => {
    expect(await fac.sendRaw('media:state')).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('[PV2] an unknown event is answered, and the server stays up for everyone', async () => {
    expect(await fac.sendRaw('room:takeover', { please: true })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await fac.send('media:state', { audio: false, video: true })).toMatchObject({ ok: true });
    expect((await http(hearth, 'GET', ApiRoutes.health)).status).toBe(200);
  });

  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'])('[PV2] an event named after an object built-in (%s) is answered too, not left hanging', async (event) => {
    expect(await fac.sendRaw(event, {})).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('[PV3] an oversized message is dropped without taking the server down', async () => {
    const huge = 'x'.repeat(200 * 1024);
    // socket.io drops the connection of a sender that exceeds maxHttpBufferSize; no ack comes back.
    await expect(fac.sendRaw('media:state', { audio: true, video: true, pad: huge })).rejects.toThrow();
    expect((await http(hearth, 'GET', ApiRoutes.health)).status).toBe(200);
  });
});
