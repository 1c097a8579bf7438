import {
  ApiRoutes,
  type CreateInviteBody,
  type Group,
  type Invite,
  type NewFacilitatorInvite,
  type RoomCredential,
  type Session,
} from '@hearth/shared';
import type { TestHearth } from './hearth.js';

/** Anything with a base URL and (until set up) the one-time setup link: an in-process app or a child process. */
export type HearthEndpoint = Pick<TestHearth, 'url' | 'setupLink'>;

export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
  cookie: string | undefined;
}

/** A plain fetch against the test server; the answer body is parsed JSON (or undefined). */
export async function http<T = unknown>(
  hearth: Pick<TestHearth, 'url'>,
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string | undefined; rawBody?: string; origin?: string } = {},
): Promise<HttpAnswer<T>> {
  const headers: Record<string, string> = {};
  if (options.origin) headers.origin = options.origin;
  if (options.body !== undefined || options.rawBody !== undefined) headers['content-type'] = 'application/json';
  if (options.cookie) headers.cookie = options.cookie;
  const response = await fetch(hearth.url + path, {
    method,
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  const setCookie = response.headers.get('set-cookie');
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : undefined) as T,
    cookie: setCookie ? setCookie.split(';')[0] : undefined,
  };
}

/** Creates the first facilitator through the one-time setup link; returns their sign-in cookie. */
export async function setUpFacilitator(hearth: HearthEndpoint, name = 'Fran'): Promise<string> {
  const token = new URL(hearth.setupLink ?? '').searchParams.get('token');
  const answer = await http(hearth, 'POST', ApiRoutes.setup, {
    body: { token, email: 'fran@example.org', displayName: name, password: 'a long enough password' },
  });
  if (answer.status !== 201 || !answer.cookie) throw new Error(`setup failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.cookie;
}

export interface LiveSession {
  cookie: string;
  group: Group;
  session: Session;
}

export async function startLiveSession(hearth: HearthEndpoint, cookie?: string): Promise<LiveSession> {
  const facilitatorCookie = cookie ?? (await setUpFacilitator(hearth));
  const group = await http<Group>(hearth, 'POST', ApiRoutes.groups, {
    cookie: facilitatorCookie,
    body: { name: 'Tuesday circle', purpose: 'Peer support for carers' },
  });
  const session = await http<Session>(hearth, 'POST', ApiRoutes.groupSessions(group.body.id), { cookie: facilitatorCookie, body: {} });
  return { cookie: facilitatorCookie, group: group.body, session: session.body };
}

export async function createInvite(hearth: HearthEndpoint, live: LiveSession, body: CreateInviteBody = { role: 'member' }): Promise<Invite> {
  const answer = await http<Invite>(hearth, 'POST', ApiRoutes.sessionInvites(live.session.id), { cookie: live.cookie, body });
  if (answer.status !== 201) throw new Error(`invite failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export function tokenOf(invite: Invite): string {
  return invite.path.split('/').at(-1) ?? '';
}

export async function redeem(hearth: HearthEndpoint, invite: Invite, displayName: string): Promise<HttpAnswer<RoomCredential>> {
  return http<RoomCredential>(hearth, 'POST', ApiRoutes.redeemInvite(tokenOf(invite)), { body: { displayName } });
}

/** A member credential from a fresh single-use invite. */
export async function memberCredential(hearth: HearthEndpoint, live: LiveSession, displayName: string): Promise<RoomCredential> {
  const answer = await redeem(hearth, await createInvite(hearth, live), displayName);
  if (answer.status !== 201) throw new Error(`redeem failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export async function facilitatorCredential(hearth: HearthEndpoint, live: LiveSession): Promise<RoomCredential> {
  const answer = await http<RoomCredential>(hearth, 'POST', ApiRoutes.enterSession(live.session.id), { cookie: live.cookie, body: {} });
  if (answer.status !== 200) throw new Error(`enter failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** [CF1] [CF2] Another facilitator, invited by `inviterCookie`'s account and accepted; returns their sign-in cookie. */
export async function invitedFacilitator(hearth: HearthEndpoint, inviterCookie: string, email: string, displayName: string): Promise<string> {
  const made = await http<NewFacilitatorInvite>(hearth, 'POST', ApiRoutes.facilitatorInvites, { cookie: inviterCookie, body: { email } });
  if (made.status !== 201) throw new Error(`facilitator invite failed: ${made.status} ${JSON.stringify(made.body)}`);
  const token = new URL(made.body.link).hash.replace(/^#token=/, '');
  const accepted = await http(hearth, 'POST', ApiRoutes.acceptFacilitatorInvite, { body: { token, displayName, password: 'a long enough password' } });
  if (accepted.status !== 201 || !accepted.cookie) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return accepted.cookie;
}
