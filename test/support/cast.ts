import type { Invite } from '@hearth/shared';
import { createInvite, facilitatorCredential, memberCredential, redeem, type HearthEndpoint, type LiveSession } from './api.js';
import { connectParticipant, joinAnyMode, type TestClient } from './sockets.js';

/**
 * Everyone the authorisation rules tell apart, in one live session: the four roles in the room, a
 * member in the waiting room, a removed and a banned member (their credentials refused since), and a
 * stranger. Built through the real API and sockets, as people would, so it works against an in-process
 * server and a child process alike.
 */
export const People = ['host', 'co_facilitator', 'supervisor', 'member', 'waiting', 'removed', 'banned', 'anonymous'] as const;
export type Person = (typeof People)[number];

export interface Cast {
  /** Connected sockets: joined (host .. member) or waiting (waiting). Removed, banned and anonymous have none. */
  sockets: Partial<Record<Person, TestClient>>;
  /** Room credentials; anonymous has a well-formed token the server never issued. */
  tokens: Record<Person, string>;
  /** Participant ids (anonymous: a well-formed id of nobody). */
  ids: Record<Person, string>;
  /** An unused member invite of this session (for the join routes). */
  invite: Invite;
}

async function joined(hearth: HearthEndpoint & { url: string }, token: string): Promise<{ client: TestClient; id: string }> {
  const client = await connectParticipant(hearth.url, token);
  const ack = await joinAnyMode(client);
  return { client, id: ack.self.id };
}

export async function assembleCast(hearth: HearthEndpoint & { url: string }, live: LiveSession, displayPrefix = ''): Promise<Cast> {
  const name = (n: string) => `${displayPrefix}${n}`.slice(0, 40);
  const token = async (role: 'co_facilitator' | 'supervisor', who: string) => {
    const answer = await redeem(hearth, await createInvite(hearth, live, { role }), name(who));
    if (answer.status !== 201) throw new Error(`redeem ${role}: ${answer.status}`);
    return answer.body;
  };
  const host = await facilitatorCredential(hearth, live);
  const co = await token('co_facilitator', 'Kim');
  const supervisor = await token('supervisor', 'Vera');
  const member = await memberCredential(hearth, live, name('Sam'));
  const removed = await memberCredential(hearth, live, name('Rae'));
  const banned = await memberCredential(hearth, live, name('Bo'));
  const waiting = await memberCredential(hearth, live, name('Wren'));

  const h = await joined(hearth, host.token);
  const c = await joined(hearth, co.token);
  const s = await joined(hearth, supervisor.token);
  const m = await joined(hearth, member.token);
  const r = await joined(hearth, removed.token);
  const b = await joined(hearth, banned.token);
  const expectOk = (label: string, ack: { ok: boolean }) => {
    if (!ack.ok) throw new Error(`${label} refused: ${JSON.stringify(ack)}`);
  };
  expectOk('remove', await h.client.send('moderation:remove', { participantId: r.id }));
  expectOk('ban', await h.client.send('moderation:ban', { participantId: b.id }));
  r.client.close();
  b.client.close();
  expectOk('waiting room', await h.client.send('moderation:waiting-room', { enabled: true }));

  const w = await connectParticipant(hearth.url, waiting.token);
  const refused = await w.send('room:join', { audio: true, video: true });
  if (refused.ok || refused.error.code !== 'admission_required') throw new Error(`waiting member was not asked to wait: ${JSON.stringify(refused)}`);
  expectOk('waiting:enter', await w.send('waiting:enter', {}));

  return {
    sockets: { host: h.client, co_facilitator: c.client, supervisor: s.client, member: m.client, waiting: w },
    tokens: {
      host: host.token,
      co_facilitator: co.token,
      supervisor: supervisor.token,
      member: member.token,
      waiting: waiting.token,
      removed: removed.token,
      banned: banned.token,
      anonymous: 'never-issued-credential-0000000000',
    },
    ids: { host: h.id, co_facilitator: c.id, supervisor: s.id, member: m.id, waiting: waiting.participantId, removed: r.id, banned: b.id, anonymous: 'nobody-at-all' },
    invite: await createInvite(hearth, live, { role: 'member' }),
  };
}

export function closeCast(cast: Cast | undefined): void {
  for (const socket of Object.values(cast?.sockets ?? {})) socket.close();
}
