import { HttpRoutes, routeKey, type HttpRouteName, type RouteAccess as Access } from '@hearth/shared';
import type { Person } from './cast.js';

/**
 * [AU4] Who may call each HTTP route, as the shared route table (`HttpRoutes`) declares it, with what the
 * matrix test sends. The test checks the running server's own route list against this: a route registered
 * outside the table, or a table entry the server lacks, fails it.
 * - public: anyone (health, the API document, setup, sign-in, invite links);
 * - account: a signed-in facilitator, and only for groups, sessions and invites they host or co-facilitate [CF4]
 *   (`scope: 'host'`: only the host; a co-facilitator is refused `not_allowed`), and only for their own
 *   facilitator invites, and only for organisations they belong to (`scope: 'admin'`: administer) [OR2];
 * - credential: a room credential in the body that is still good (not removed or banned);
 * - websocket: only an upgrade with a signalling ticket (a plain request is not the route's business);
 * - signature: LiveKit's signed webhook (LiveKit mode only, so not in this server).
 */
export interface RouteAccess {
  access: Access;
  scope?: 'host' | 'admin';
  /** A valid body, given the caller's room credential: the answer then shows the access rule, not the schema. */
  body?: (credential: string) => unknown;
  /** Changes what every later call sees (ending the session, signing out everywhere, then signing out): sent last, in this order. */
  last?: 1 | 2 | 3;
}

const PASSWORD = 'a long enough password';

/** What the matrix sends to each route (routes with neither body nor ordering need no line). */
const probes: Partial<Record<HttpRouteName, Omit<RouteAccess, 'access'>>> = {
  setup: { body: () => ({ token: 'x'.repeat(32), email: 'z@example.org', displayName: 'Zed', password: PASSWORD }) },
  login: { body: () => ({ email: 'fran@example.org', password: PASSWORD }) },
  forgotPassword: { body: () => ({ email: 'fran@example.org' }) },
  resetPassword: { body: () => ({ token: 'x'.repeat(43), password: PASSWORD }) },
  signOutEverywhere: { last: 2 },
  logout: { last: 3 },
  createGroup: { body: () => ({ name: 'Matrix group', purpose: 'Checking doors' }) },
  updateGroupSupport: { body: () => ({ crisisResources: 'Call the helpline' }) },
  // Allowed stays allowed, so the supervisor's later checks in the matrix still see them admitted.
  setGroupObservation: { body: () => ({ allowed: true }) },
  setGroupMediaEncryption: { body: () => ({ enabled: true }) },
  startSession: { body: () => ({ title: 'Another evening' }) },
  saveGroupRules: { body: () => ({ basedOn: null, confidentiality: 'What is said here stays here.', rules: [{ text: 'One voice at a time' }] }) },
  saveGroupAgenda: { body: () => ({ phases: [{ name: 'Check-in', opensRules: false }] }) },
  saveGroupWelcome: { body: () => ({ welcomeText: 'Welcome, we start soon.' }) },
  endSession: { body: () => ({}), last: 1 },
  enterSession: { body: () => ({}) },
  createInvite: { body: () => ({ role: 'member' }) },
  createFacilitatorInvite: { body: () => ({ email: `matrix-${Math.random().toString(36).slice(2)}@example.org` }) },
  acceptFacilitatorInvite: { body: () => ({ token: 'x'.repeat(43), displayName: 'Matrix', password: PASSWORD }) },
  addCoFacilitator: { body: () => ({ email: 'cora@example.org' }) },
  createOrganisation: { body: () => ({ name: 'Matrix organisation' }) },
  addOrganisationMember: { body: () => ({ email: 'fran@example.org', role: 'admin' }) },
  addOrganisationContact: { body: () => ({ name: 'Report contact', email: 'reports@example.org' }) },
  setGroupOrganisation: { body: () => ({ organisationId: null }) },
  redeemInvite: { body: () => ({ displayName: 'Matrix' }) },
  roomRules: { body: (token) => ({ token }) },
  roomConsent: { body: (token) => ({ token, version: 1 }) },
};

/** "METHOD /path" of every route a mesh-mode server with API_DOCS on registers, with its access rule. */
export const httpRouteAccess: Record<string, RouteAccess> = Object.fromEntries(
  (Object.entries(HttpRoutes) as [HttpRouteName, (typeof HttpRoutes)[HttpRouteName]][])
    .filter(([, route]) => !('only' in route) || route.only !== 'livekit')
    .map(([name, route]) => [routeKey(route), { access: route.access, ...('scope' in route ? { scope: route.scope } : {}), ...probes[name] }]),
);

/** `other_account`: a facilitator of nothing here; `co_account`: a co-facilitator of the group (their own account). */
export type HttpRow = Person | 'other_account' | 'co_account';

/** 'allow' (any answer but an access refusal), or the refusal codes the rule allows. */
export function expectedHttp(rule: RouteAccess, row: HttpRow, pattern: string): 'allow' | string[] {
  if (rule.access === 'public' || rule.access === 'websocket' || rule.access === 'signature') return 'allow';
  if (rule.access === 'account') {
    if (row === 'host') return 'allow';
    if (row !== 'other_account' && row !== 'co_account') return ['unauthenticated'];
    // [CF4] A facilitator invite is its maker's alone: the host's does not exist for anyone else.
    if (/:facilitatorInviteId/.test(pattern)) return ['not_found'];
    // [OR2] The host's organisation: nobody else in the matrix belongs to it.
    if (/:organisationId/.test(pattern)) return ['not_found'];
    if (!/:(groupId|sessionId|inviteId)/.test(pattern)) return 'allow';
    // Another facilitator's account: someone else's group, session or invite does not exist for them.
    if (row === 'other_account') return ['not_found'];
    // A co-facilitator runs the group's sessions; its settings and its facilitators are the host's.
    return rule.scope === 'host' ? ['not_allowed'] : 'allow';
  }
  if (row === 'removed') return ['removed'];
  if (row === 'banned') return ['banned', 'removed'];
  if (row === 'anonymous' || row === 'other_account' || row === 'co_account') return ['unauthenticated'];
  return 'allow';
}

/**
 * "METHOD /path" for every route in Fastify's `printRoutes({ commonPrefix: false })` tree (HEAD is
 * Fastify's automatic twin of GET, so it is left out).
 */
export function listRoutes(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│├└─\s]*)(\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!match?.[2]) continue;
    const depth = Math.floor((match[1] ?? '').length / 4);
    stack.length = depth;
    stack.push(match[2]);
    for (const method of (match[3] ?? '').split(', ').filter((m) => m && m !== 'HEAD')) routes.push(`${method} ${stack.join('')}`);
  }
  return routes;
}
