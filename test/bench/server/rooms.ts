// Creates the rooms over the real HTTP API, the way a facilitator and their members would: one
// facilitator account owns every group; per room a group, a live session, the facilitator's own
// credential (POST /enter), co-facilitators and members who redeem shared invite links.
import { ApiRoutes, type Group, type Role, type RoomCredential, type Session } from '@hearth/shared';
import { createInvite, http, type HearthEndpoint } from '../../support/api.js';

export interface Credential {
  token: string;
  participantId: string;
  role: Role;
}

export interface RoomPlan {
  index: number;
  sessionId: string;
  /** The facilitator first, then co-facilitators, then the members. */
  credentials: Credential[];
}

/** The API caps one invite link at 50 uses. */
const MAX_USES_PER_INVITE = 50;

async function expect<T>(label: string, answer: Promise<{ status: number; body: T }>, status: number): Promise<T> {
  const { status: got, body } = await answer;
  if (got !== status) throw new Error(`${label}: HTTP ${got} ${JSON.stringify(body)}`);
  return body;
}

async function createRoom(hearth: HearthEndpoint, cookie: string, index: number, people: number, facilitators: number): Promise<RoomPlan> {
  const name = `Bench room ${index + 1}`;
  const group = await expect('create group', http<Group>(hearth, 'POST', ApiRoutes.groups, { cookie, body: { name, purpose: 'Load benchmark' } }), 201);
  const session = await expect('start session', http<Session>(hearth, 'POST', ApiRoutes.groupSessions(group.id), { cookie, body: {} }), 201);
  const facilitator = await expect(
    'enter session',
    http<RoomCredential>(hearth, 'POST', ApiRoutes.enterSession(session.id), { cookie, body: { displayName: `Facilitator ${index + 1}` } }),
    200,
  );
  const credentials: Credential[] = [{ token: facilitator.token, participantId: facilitator.participantId, role: 'facilitator' }];
  const live = { cookie, group, session };
  const redeemAll = async (role: 'co_facilitator' | 'member', count: number, label: string) => {
    for (let first = 0; first < count; first += MAX_USES_PER_INVITE) {
      const uses = Math.min(MAX_USES_PER_INVITE, count - first);
      const invite = await createInvite(hearth, live, { role, maxUses: uses });
      const token = invite.path.split('/').at(-1) ?? '';
      const redeemed = await Promise.all(
        Array.from({ length: uses }, (_, k) =>
          expect('redeem invite', http<RoomCredential>(hearth, 'POST', ApiRoutes.redeemInvite(token), { body: { displayName: `${label} ${index + 1}.${first + k + 1}` } }), 201),
        ),
      );
      for (const r of redeemed) credentials.push({ token: r.token, participantId: r.participantId, role });
    }
  };
  await redeemAll('co_facilitator', facilitators - 1, 'Co-facilitator');
  await redeemAll('member', people - facilitators, 'Member');
  return { index, sessionId: session.id, credentials };
}

/** Runs `work` over `items` with at most `concurrency` in flight, keeping the order of the results. */
export async function inPool<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** `people` per room, of whom `facilitators` (at least 1) are the facilitator and co-facilitators. */
export async function createRooms(hearth: HearthEndpoint, cookie: string, rooms: number, people: number, facilitators: number): Promise<RoomPlan[]> {
  const indexes = Array.from({ length: rooms }, (_, i) => i);
  return inPool(indexes, 8, (i) => createRoom(hearth, cookie, i, people, facilitators));
}
