import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpFacilitator } from '../support/api.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { LiveKitDouble } from '../support/livekit-double.js';
import { applyState, Paths, prepareCell, States, tryPath, type Path, type State } from '../support/standing-cells.js';

// [AU6] Every state that shuts someone out, against every path that admits or serves them, each cell a
// fresh session and subject (test/support/standing-cells.ts). `admitted`/`ok`/`open`/`token` mean the
// path serves them; a code is the refusal they see; `closed:<why>` is a connection the server closed and
// what it told them. Where a state deliberately does not shut someone out (a link that expired after they
// came in, the lock for someone already admitted, a withdrawn link for a connection already in the room),
// the cell says so, so a change there is a decision and not an accident.
const expected: Record<State, Record<Path, string>> = {
  removed: {
    handshake: 'removed', spare_join: 'closed:removed', rejoin: 'removed', consent: 'removed',
    // [MD6] Removal withdraws the link that admitted them (a multi-use one for everyone).
    redeem_link: 'invite_revoked',
    signalling_ticket: 'badTicket', open_socket: 'closed:removed', open_signalling: 'closed:removed', livekit_token: 'removed',
  },
  banned: {
    handshake: 'banned', spare_join: 'closed:banned', rejoin: 'banned', consent: 'banned', redeem_link: 'banned',
    signalling_ticket: 'badTicket', open_socket: 'closed:banned', open_signalling: 'closed:removed', livekit_token: 'banned',
  },
  declined: {
    handshake: 'admitted', spare_join: 'admission_required', rejoin: 'admission_required', consent: 'ok', redeem_link: 'ok',
    signalling_ticket: 'n/a', open_socket: 'open', open_signalling: 'n/a', livekit_token: 'admission_required',
  },
  invite_revoked: {
    handshake: 'invite_revoked', spare_join: 'invite_revoked', rejoin: 'invite_revoked', consent: 'invite_revoked', redeem_link: 'invite_revoked',
    // Withdrawing a link stops it letting anyone (back) in; it does not put out someone already in the room.
    signalling_ticket: 'open', open_socket: 'open', open_signalling: 'open', livekit_token: 'invite_revoked',
  },
  link_expired: {
    // An expired link lets nobody new in; the credential it gave before it expired stays good for the session.
    handshake: 'admitted', spare_join: 'ok', rejoin: 'ok', consent: 'ok', redeem_link: 'invite_expired',
    // Tickets live 60 s, less than the shortest link (5 minutes): the clock moved past the ticket too.
    signalling_ticket: 'badTicket', open_socket: 'open', open_signalling: 'open', livekit_token: 'token',
  },
  locked_never_in: {
    handshake: 'admitted', spare_join: 'session_locked', rejoin: 'session_locked', consent: 'ok', redeem_link: 'session_locked',
    signalling_ticket: 'n/a', open_socket: 'n/a', open_signalling: 'n/a', livekit_token: 'session_locked',
  },
  locked_was_in: {
    // The lock is for newcomers: someone already admitted comes back after a dropped connection (MD12).
    handshake: 'admitted', spare_join: 'ok', rejoin: 'ok', consent: 'ok', redeem_link: 'session_locked',
    signalling_ticket: 'open', open_socket: 'open', open_signalling: 'open', livekit_token: 'token',
  },
  session_ended: {
    handshake: 'session_ended', spare_join: 'closed:session_ended', rejoin: 'session_ended', consent: 'session_ended', redeem_link: 'session_ended',
    // The room is gone: the signalling socket closes normally.
    signalling_ticket: 'badTicket', open_socket: 'closed:session_ended', open_signalling: 'closed:normal', livekit_token: 'session_ended',
  },
  // [SV6] The group turned observation off: the supervisor is out, on every path.
  observation_off: {
    handshake: 'observation_off', spare_join: 'closed:observation_off', rejoin: 'observation_off', consent: 'observation_off',
    redeem_link: 'observation_off', signalling_ticket: 'badTicket', open_socket: 'closed:observation_off', open_signalling: 'closed:normal',
    livekit_token: 'observation_off',
  },
};

let offset = 0;
const now = () => Date.now() + offset;
const advanceClock = (ms: number) => (offset += ms);
let mesh: TestHearth;
let livekit: TestHearth;
let double: LiveKitDouble;
const cookies = new Map<TestHearth, string>();

beforeAll(async () => {
  double = await LiveKitDouble.start();
  [mesh, livekit] = await Promise.all([startHearth({ now }), startHearth({ now, env: double.env })]);
  for (const hearth of [mesh, livekit]) cookies.set(hearth, await setUpFacilitator(hearth));
});
afterAll(async () => {
  await Promise.all([mesh?.close(), livekit?.close()]);
  await double?.close();
});

async function runCell(state: State, path: Path): Promise<string> {
  const hearth = path === 'livekit_token' ? livekit : mesh;
  const cell = await prepareCell(hearth, cookies.get(hearth) ?? '', state);
  try {
    await applyState(cell, state, advanceClock);
    return await tryPath(cell, path);
  } finally {
    for (const client of cell.clients) client.close();
    cell.signal?.ws.close();
  }
}

describe('[AU6] standing: every state that shuts someone out, on every path', () => {
  // Each cell has its own session, so they run side by side; only the expired link moves the shared clock.
  const cells = States.filter((s) => s !== 'link_expired').flatMap((state) => Paths.map((path) => [state, path] as const));
  it.concurrent.for(cells)('[AU6] %s × %s', async ([state, path], { expect }) => {
    expect(await runCell(state, path)).toBe(expected[state][path]);
  });
});

describe('[AU6] standing: an expired link, on every path (one at a time: each moves the clock on)', () => {
  it.each(Paths)('[AU6] link_expired × %s', async (path) => {
    expect(await runCell('link_expired', path)).toBe(expected.link_expired[path]);
  });
});
