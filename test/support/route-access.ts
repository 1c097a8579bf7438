import type { Person } from './cast.js';

/**
 * [AU4] Who may call each HTTP route. The server has no single table for routes (each module's routes
 * check their own), so this is the rule written down once, and the matrix test checks the running
 * server's route list against it: a new route fails the test until someone decides who may use it.
 * - public: anyone (health, setup, sign-in, invite links, the signalling socket's own ticket check);
 * - account: a signed-in facilitator, and only for groups, sessions and invites they own;
 * - credential: a room credential in the body that is still good (not removed or banned);
 * - websocket: only an upgrade with a signalling ticket (a plain request is not the route's business).
 */
export interface RouteAccess {
  access: 'public' | 'account' | 'credential' | 'websocket';
  /** A valid body, given the caller's room credential: the answer then shows the access rule, not the schema. */
  body?: (credential: string) => unknown;
  /** Changes what every later call sees (ending the session, then signing out): sent last, in this order. */
  last?: 1 | 2;
}

const PASSWORD = 'a long enough password';

export const httpRouteAccess: Record<string, RouteAccess> = {
  'GET /api/health': { access: 'public' },
  'GET /api/setup': { access: 'public' },
  'POST /api/setup': { access: 'public', body: () => ({ token: 'x'.repeat(32), email: 'z@example.org', displayName: 'Zed', password: PASSWORD }) },
  'POST /api/auth/login': { access: 'public', body: () => ({ email: 'fran@example.org', password: PASSWORD }) },
  'POST /api/auth/logout': { access: 'public', last: 2 },
  'GET /api/auth/me': { access: 'account' },
  'GET /api/groups': { access: 'account' },
  'POST /api/groups': { access: 'account', body: () => ({ name: 'Matrix group', purpose: 'Checking doors' }) },
  'PUT /api/groups/:groupId/support': { access: 'account', body: () => ({ crisisResources: 'Call the helpline' }) },
  // Allowed stays allowed, so the supervisor's later checks in the matrix still see them admitted.
  'PUT /api/groups/:groupId/observation': { access: 'account', body: () => ({ allowed: true }) },
  'PUT /api/groups/:groupId/media-encryption': { access: 'account', body: () => ({ enabled: true }) },
  'GET /api/groups/:groupId/sessions': { access: 'account' },
  'POST /api/groups/:groupId/sessions': { access: 'account', body: () => ({ title: 'Another evening' }) },
  'GET /api/groups/:groupId/rules': { access: 'account' },
  'PUT /api/groups/:groupId/rules': { access: 'account', body: () => ({ basedOn: null, confidentiality: 'What is said here stays here.', rules: [{ text: 'One voice at a time' }] }) },
  'GET /api/groups/:groupId/rules/versions/:version': { access: 'account' },
  'GET /api/groups/:groupId/agenda': { access: 'account' },
  'PUT /api/groups/:groupId/agenda': { access: 'account', body: () => ({ phases: [{ name: 'Check-in', opensRules: false }] }) },
  'GET /api/groups/:groupId/welcome': { access: 'account' },
  'PUT /api/groups/:groupId/welcome': { access: 'account', body: () => ({ welcomeText: 'Welcome, we start soon.' }) },
  'POST /api/sessions/:sessionId/end': { access: 'account', body: () => ({}), last: 1 },
  'POST /api/sessions/:sessionId/enter': { access: 'account', body: () => ({}) },
  'GET /api/sessions/:sessionId/cases': { access: 'account' },
  'GET /api/sessions/:sessionId/invites': { access: 'account' },
  'POST /api/sessions/:sessionId/invites': { access: 'account', body: () => ({ role: 'member' }) },
  'GET /api/sessions/:sessionId/talk-time': { access: 'account' },
  'POST /api/invites/:inviteId/revoke': { access: 'account' },
  'GET /api/join/:token': { access: 'public' },
  'POST /api/join/:token/redeem': { access: 'public', body: () => ({ displayName: 'Matrix' }) },
  'GET /api/signal': { access: 'websocket' },
  'POST /api/room/rules': { access: 'credential', body: (token) => ({ token }) },
  'POST /api/room/rules/consent': { access: 'credential', body: (token) => ({ token, version: 1 }) },
};

export type HttpRow = Person | 'other_account';

/** 'allow' (any answer but an access refusal), or the refusal codes the rule allows. */
export function expectedHttp(rule: RouteAccess, row: HttpRow, pattern: string): 'allow' | string[] {
  if (rule.access === 'public' || rule.access === 'websocket') return 'allow';
  if (rule.access === 'account') {
    if (row === 'host') return 'allow';
    if (row !== 'other_account') return ['unauthenticated'];
    // Another facilitator's account: someone else's group, session or invite does not exist for them.
    return /:(groupId|sessionId|inviteId)/.test(pattern) ? ['not_found'] : 'allow';
  }
  if (row === 'removed') return ['removed'];
  if (row === 'banned') return ['banned', 'removed'];
  if (row === 'anonymous' || row === 'other_account') return ['unauthenticated'];
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
