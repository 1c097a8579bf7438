import Type, { type Static, type TSchema } from 'typebox';
import { IdSchema } from '../protocol/entities.js';
import { DistressAlertSchema } from '../protocol/distress.js';
import { GroupWelcomeSchema } from '../protocol/moderation.js';
import { RuleSetSchema } from '../protocol/rules.js';
import { TalkSummarySchema } from '../protocol/talk-time.js';
import { AccountSchema, ForgotPasswordBodySchema, LoginBodySchema, ResetPasswordBodySchema, SetupBodySchema, SetupStatusSchema } from './accounts.js';
import { GroupAgendaSchema, SaveAgendaBodySchema } from './agenda.js';
import {
  CreateGroupBodySchema,
  CreateInviteBodySchema,
  EnterSessionBodySchema,
  GroupSchema,
  InvitePreviewSchema,
  InviteSchema,
  RedeemInviteBodySchema,
  RoomCredentialSchema,
  SessionSchema,
  SetMediaEncryptionBodySchema,
  SetObservationBodySchema,
  StartSessionBodySchema,
  UpdateGroupSupportBodySchema,
} from './groups.js';
import {
  AcceptFacilitatorInviteBodySchema,
  AddCoFacilitatorBodySchema,
  CreateFacilitatorInviteBodySchema,
  FacilitatorInviteSchema,
  GroupFacilitatorSchema,
  GroupFacilitatorsSchema,
  NewFacilitatorInviteSchema,
} from './co-facilitators.js';
import {
  AddOrganisationContactBodySchema,
  AddOrganisationMemberBodySchema,
  CreateOrganisationBodySchema,
  OrganisationContactSchema,
  OrganisationGroupSchema,
  MyOrganisationSchema,
  OrganisationMemberSchema,
  SetGroupOrganisationBodySchema,
} from './organisations.js';
import { ConsentAnswerSchema, ConsentBodySchema, GroupRulesSchema, RoomRulesBodySchema, RoomRulesSchema, RuleVersionParamsSchema, SaveRulesBodySchema } from './rules.js';

/**
 * [AU4] Every HTTP route, once: method, path, who may call it, and the schemas of what goes in and comes
 * back. The server registers its routes from this table (server/src/lib/http-route.ts), the client sends
 * its requests through it (client/src/lib/api.ts), and the OpenAPI document at `/api/docs` is generated
 * from the same schemas. A route that is not here does not exist.
 *
 * Every route also answers a refusal as `ErrorBody` (4xx) and an unexpected failure as `internal_error`
 * (5xx); those are added where the table is used, not repeated on each line.
 *
 * `access` says who may call it: `public` (anyone), `account` (a signed-in facilitator, and only for the
 * groups, sessions and invites they host or co-facilitate [CF4]: anyone else's id answers `not_found`; with
 * `scope: 'host'` only the group's host, a co-facilitator being refused `not_allowed`), `credential` (a room
 * credential in the body that still stands: not removed or banned), `websocket` (only an upgrade with a
 * signalling ticket), `signature` (LiveKit's signed webhook).
 */
export type RouteAccess = 'public' | 'account' | 'credential' | 'websocket' | 'signature';
export type RouteMethod = 'GET' | 'POST' | 'PUT';

export interface HttpRoute {
  method: RouteMethod;
  /** Fastify's pattern: `:name` is a path parameter, described by `params`. */
  path: string;
  access: RouteAccess;
  /**
   * [CF4] On a route of one group (or its session, invite): `host` when its co-facilitators may not use it.
   * [OR2] On a route of one organisation: `admin` when only its administrators may (a member is `not_allowed`).
   */
  scope?: 'host' | 'admin';
  summary: string;
  /** The OpenAPI tag (the dashboard's area, or the room's). */
  tag: 'service' | 'accounts' | 'organisations' | 'groups' | 'sessions' | 'invites' | 'rules' | 'room' | 'media';
  params?: TSchema;
  querystring?: TSchema;
  body?: TSchema;
  /** The successful answers by status; `Type.Null()` is an answer with no body (204). */
  response: Partial<Record<200 | 201 | 204, TSchema>>;
  /** Registered only in that mode: `livekit` with a LiveKit server configured, `docs` with API_DOCS on. */
  only?: 'livekit' | 'docs';
}

const GroupParams = Type.Object({ groupId: IdSchema });
const SessionParams = Type.Object({ sessionId: IdSchema });
const InviteParams = Type.Object({ inviteId: IdSchema });
const FacilitatorInviteParams = Type.Object({ facilitatorInviteId: IdSchema });
const OrganisationParams = Type.Object({ organisationId: IdSchema });
const CoFacilitatorParams = Type.Object({ groupId: IdSchema, accountId: IdSchema });
/** Invite tokens are 43 base64url characters; anything else is refused before touching the database. */
export const LinkTokenSchema = Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' });
const TokenParams = Type.Object({ token: LinkTokenSchema });

/**
 * [ND5] What this node can reach: `degraded` when the database or Redis cannot be reached; Redis is
 * `not_configured` on a single node (REDIS_URL unset). `draining` during a graceful stop ([ND3]).
 */
const Reach = Type.Union([Type.Literal('ok'), Type.Literal('unreachable')]);
export const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Reach,
  redis: Type.Union([Type.Literal('ok'), Type.Literal('unreachable'), Type.Literal('not_configured')]),
  draining: Type.Boolean(),
});
export type Health = Static<typeof HealthSchema>;
/** [ND5] Ready for new people; otherwise 503 with `draining` or `service_unavailable`. */
export const ReadySchema = Type.Object({ ready: Type.Literal(true) });
export const NoContentSchema = Type.Null({ description: 'No content' });
/** The OpenAPI 3.1 document of this table (only when API_DOCS is on). */
export const ApiDocumentSchema = Type.Object({ openapi: Type.String() }, { additionalProperties: true });
export const LiveKitWebhookAnswerSchema = Type.Object({ ok: Type.Literal(true), duplicate: Type.Boolean() });
export const SignalQuerySchema = Type.Object({ ticket: Type.Optional(Type.String()) });

/** Checks each entry against `HttpRoute` while keeping its exact schema types, so both sides infer from it. */
function routes<const T extends Record<string, HttpRoute>>(table: T): T {
  return table;
}

export const HttpRoutes = routes({
  health: { method: 'GET', path: '/api/health', access: 'public', tag: 'service', summary: 'Is the server up, and can it reach its database and Redis', response: { 200: HealthSchema } },
  ready: { method: 'GET', path: '/api/ready', access: 'public', tag: 'service', summary: "For a load balancer: 200 to send people here, 503 'draining' or 'service_unavailable' otherwise", response: { 200: ReadySchema } },
  apiDocs: { method: 'GET', path: '/api/docs', access: 'public', tag: 'service', summary: 'This OpenAPI document', response: { 200: ApiDocumentSchema }, only: 'docs' },

  setupStatus: { method: 'GET', path: '/api/setup', access: 'public', tag: 'accounts', summary: 'Whether the first facilitator account is still to be created', response: { 200: SetupStatusSchema } },
  setup: { method: 'POST', path: '/api/setup', access: 'public', tag: 'accounts', summary: 'Create the first facilitator with the one-time setup token', body: SetupBodySchema, response: { 201: AccountSchema } },
  login: { method: 'POST', path: '/api/auth/login', access: 'public', tag: 'accounts', summary: 'Sign in (sets the sign-in cookie)', body: LoginBodySchema, response: { 200: AccountSchema } },
  logout: { method: 'POST', path: '/api/auth/logout', access: 'public', tag: 'accounts', summary: 'Sign out', response: { 204: NoContentSchema } },
  me: { method: 'GET', path: '/api/auth/me', access: 'account', tag: 'accounts', summary: 'The signed-in account', response: { 200: AccountSchema } },
  forgotPassword: { method: 'POST', path: '/api/auth/forgot-password', access: 'public', tag: 'accounts', summary: '[AC5] Email a reset link if SMTP is set up; the same answer whether or not the email has an account', body: ForgotPasswordBodySchema, response: { 204: NoContentSchema } },
  resetPassword: { method: 'POST', path: '/api/auth/reset-password', access: 'public', tag: 'accounts', summary: "[AC5] Set a new password with a one-time link's token; ends every sign-in of the account", body: ResetPasswordBodySchema, response: { 204: NoContentSchema } },
  signOutEverywhere: { method: 'POST', path: '/api/auth/sign-out-everywhere', access: 'account', tag: 'accounts', summary: '[AC6] End every sign-in of this account, this one included', response: { 204: NoContentSchema } },

  listFacilitatorInvites: { method: 'GET', path: '/api/facilitator-invites', access: 'account', tag: 'accounts', summary: '[CF1] The facilitator invites this account made, newest first', response: { 200: Type.Array(FacilitatorInviteSchema) } },
  createFacilitatorInvite: { method: 'POST', path: '/api/facilitator-invites', access: 'account', tag: 'accounts', summary: '[CF1] Invite another facilitator: a one-time link (shown once) to make their account', body: CreateFacilitatorInviteBodySchema, response: { 201: NewFacilitatorInviteSchema } },
  revokeFacilitatorInvite: { method: 'POST', path: '/api/facilitator-invites/:facilitatorInviteId/revoke', access: 'account', tag: 'accounts', summary: '[CF1] Withdraw a facilitator invite this account made', params: FacilitatorInviteParams, response: { 200: FacilitatorInviteSchema } },
  acceptFacilitatorInvite: { method: 'POST', path: '/api/facilitator-invites/accept', access: 'public', tag: 'accounts', summary: "[CF2] Make one's account with a facilitator invite's token (signs in)", body: AcceptFacilitatorInviteBodySchema, response: { 201: AccountSchema } },

  listOrganisations: { method: 'GET', path: '/api/organisations', access: 'account', tag: 'organisations', summary: '[OR1] The organisations this account belongs to', response: { 200: Type.Array(MyOrganisationSchema) } },
  createOrganisation: { method: 'POST', path: '/api/organisations', access: 'account', tag: 'organisations', summary: '[OR1] Create an organisation (its creator is its first administrator)', body: CreateOrganisationBodySchema, response: { 201: MyOrganisationSchema } },
  organisationMembers: { method: 'GET', path: '/api/organisations/:organisationId/members', access: 'account', scope: 'admin', tag: 'organisations', summary: "[OR2] The organisation's accounts", params: OrganisationParams, response: { 200: Type.Array(OrganisationMemberSchema) } },
  addOrganisationMember: { method: 'POST', path: '/api/organisations/:organisationId/members', access: 'account', scope: 'admin', tag: 'organisations', summary: '[OR2] Add an existing account to the organisation (or change its role)', params: OrganisationParams, body: AddOrganisationMemberBodySchema, response: { 200: OrganisationMemberSchema } },
  organisationContacts: { method: 'GET', path: '/api/organisations/:organisationId/contacts', access: 'account', scope: 'admin', tag: 'organisations', summary: "[OR3] The organisation's contacts (for reports)", params: OrganisationParams, response: { 200: Type.Array(OrganisationContactSchema) } },
  addOrganisationContact: { method: 'POST', path: '/api/organisations/:organisationId/contacts', access: 'account', scope: 'admin', tag: 'organisations', summary: '[OR3] Add a contact (name and email) to the organisation', params: OrganisationParams, body: AddOrganisationContactBodySchema, response: { 201: OrganisationContactSchema } },
  organisationGroups: { method: 'GET', path: '/api/organisations/:organisationId/groups', access: 'account', scope: 'admin', tag: 'organisations', summary: '[OR5] The groups hosted under the organisation: names, session dates and attendance counts, never people', params: OrganisationParams, response: { 200: Type.Array(OrganisationGroupSchema) } },

  listGroups: { method: 'GET', path: '/api/groups', access: 'account', tag: 'groups', summary: 'The groups this facilitator hosts or co-facilitates', response: { 200: Type.Array(GroupSchema) } },
  createGroup: { method: 'POST', path: '/api/groups', access: 'account', tag: 'groups', summary: 'Create a group', body: CreateGroupBodySchema, response: { 201: GroupSchema } },
  updateGroupSupport: { method: 'PUT', path: '/api/groups/:groupId/support', access: 'account', scope: 'host', tag: 'groups', summary: 'Crisis resources, emergency contacts, on-call webhook, retention', params: GroupParams, body: UpdateGroupSupportBodySchema, response: { 200: GroupSchema } },
  setGroupObservation: { method: 'PUT', path: '/api/groups/:groupId/observation', access: 'account', scope: 'host', tag: 'groups', summary: "[SV6] Allow or stop a supervisor observing the group's sessions (stopping takes any observer out)", params: GroupParams, body: SetObservationBodySchema, response: { 200: GroupSchema } },
  setGroupMediaEncryption: { method: 'PUT', path: '/api/groups/:groupId/media-encryption', access: 'account', scope: 'host', tag: 'groups', summary: "[LE1] End-to-end media encryption (LiveKit mode) for the group's sessions started from now on", params: GroupParams, body: SetMediaEncryptionBodySchema, response: { 200: GroupSchema } },
  listSessions: { method: 'GET', path: '/api/groups/:groupId/sessions', access: 'account', tag: 'groups', summary: "The group's sessions", params: GroupParams, response: { 200: Type.Array(SessionSchema) } },
  startSession: { method: 'POST', path: '/api/groups/:groupId/sessions', access: 'account', tag: 'groups', summary: 'Start a live session', params: GroupParams, body: StartSessionBodySchema, response: { 201: SessionSchema } },
  groupRules: { method: 'GET', path: '/api/groups/:groupId/rules', access: 'account', tag: 'rules', summary: "The group's ground rules, their versions and the templates", params: GroupParams, response: { 200: GroupRulesSchema } },
  saveGroupRules: { method: 'PUT', path: '/api/groups/:groupId/rules', access: 'account', scope: 'host', tag: 'rules', summary: 'Save a new version of the ground rules (200 when nothing changed)', params: GroupParams, body: SaveRulesBodySchema, response: { 200: RuleSetSchema, 201: RuleSetSchema } },
  groupRulesVersion: { method: 'GET', path: '/api/groups/:groupId/rules/versions/:version', access: 'account', tag: 'rules', summary: 'One earlier version of the ground rules', params: RuleVersionParamsSchema, response: { 200: RuleSetSchema } },
  groupAgenda: { method: 'GET', path: '/api/groups/:groupId/agenda', access: 'account', tag: 'rules', summary: "The group's agenda phases", params: GroupParams, response: { 200: GroupAgendaSchema } },
  saveGroupAgenda: { method: 'PUT', path: '/api/groups/:groupId/agenda', access: 'account', scope: 'host', tag: 'rules', summary: 'Replace the agenda phases', params: GroupParams, body: SaveAgendaBodySchema, response: { 200: GroupAgendaSchema } },
  groupWelcome: { method: 'GET', path: '/api/groups/:groupId/welcome', access: 'account', tag: 'groups', summary: "The waiting room's welcome text", params: GroupParams, response: { 200: GroupWelcomeSchema } },
  saveGroupWelcome: { method: 'PUT', path: '/api/groups/:groupId/welcome', access: 'account', scope: 'host', tag: 'groups', summary: "Set the waiting room's welcome text", params: GroupParams, body: GroupWelcomeSchema, response: { 200: GroupWelcomeSchema } },
  setGroupOrganisation: { method: 'PUT', path: '/api/groups/:groupId/organisation', access: 'account', scope: 'host', tag: 'groups', summary: '[OR4] Host the group under one of your organisations, or under none', params: GroupParams, body: SetGroupOrganisationBodySchema, response: { 200: GroupSchema } },
  groupFacilitators: { method: 'GET', path: '/api/groups/:groupId/facilitators', access: 'account', tag: 'groups', summary: "[CF3] The group's host and co-facilitators", params: GroupParams, response: { 200: GroupFacilitatorsSchema } },
  addCoFacilitator: { method: 'POST', path: '/api/groups/:groupId/co-facilitators', access: 'account', scope: 'host', tag: 'groups', summary: '[CF3] Add an existing account as a co-facilitator of the group', params: GroupParams, body: AddCoFacilitatorBodySchema, response: { 201: GroupFacilitatorSchema } },
  removeCoFacilitator: { method: 'POST', path: '/api/groups/:groupId/co-facilitators/:accountId/remove', access: 'account', scope: 'host', tag: 'groups', summary: '[CF5] Remove a co-facilitator: at once out of the group and of its live sessions', params: CoFacilitatorParams, response: { 204: NoContentSchema } },

  endSession: { method: 'POST', path: '/api/sessions/:sessionId/end', access: 'account', tag: 'sessions', summary: 'End the session for everyone', params: SessionParams, response: { 200: SessionSchema } },
  enterSession: { method: 'POST', path: '/api/sessions/:sessionId/enter', access: 'account', tag: 'sessions', summary: "A facilitator's room credential for the session", params: SessionParams, body: EnterSessionBodySchema, response: { 200: RoomCredentialSchema } },
  sessionCases: { method: 'GET', path: '/api/sessions/:sessionId/cases', access: 'account', tag: 'sessions', summary: "The session's support requests with their timelines", params: SessionParams, response: { 200: Type.Array(DistressAlertSchema) } },
  sessionInvites: { method: 'GET', path: '/api/sessions/:sessionId/invites', access: 'account', tag: 'invites', summary: "The session's invite links", params: SessionParams, response: { 200: Type.Array(InviteSchema) } },
  createInvite: { method: 'POST', path: '/api/sessions/:sessionId/invites', access: 'account', tag: 'invites', summary: 'Create an invite link', params: SessionParams, body: CreateInviteBodySchema, response: { 201: InviteSchema } },
  sessionTalkTime: { method: 'GET', path: '/api/sessions/:sessionId/talk-time', access: 'account', tag: 'sessions', summary: "The session's talk-time summary", params: SessionParams, response: { 200: TalkSummarySchema } },
  revokeInvite: { method: 'POST', path: '/api/invites/:inviteId/revoke', access: 'account', tag: 'invites', summary: 'Withdraw an invite link', params: InviteParams, response: { 200: InviteSchema } },

  invitePreview: { method: 'GET', path: '/api/join/:token', access: 'public', tag: 'invites', summary: 'What a valid invite link leads to', params: TokenParams, response: { 200: InvitePreviewSchema } },
  redeemInvite: { method: 'POST', path: '/api/join/:token/redeem', access: 'public', tag: 'invites', summary: 'Use an invite link: a room credential', params: TokenParams, body: RedeemInviteBodySchema, response: { 201: RoomCredentialSchema } },
  roomRules: { method: 'POST', path: '/api/room/rules', access: 'credential', tag: 'room', summary: 'The ground rules to agree to before joining (credential in the body, never the URL)', body: RoomRulesBodySchema, response: { 200: RoomRulesSchema } },
  roomConsent: { method: 'POST', path: '/api/room/rules/consent', access: 'credential', tag: 'room', summary: 'Agree to a version of the ground rules', body: ConsentBodySchema, response: { 200: ConsentAnswerSchema } },

  signal: { method: 'GET', path: '/api/signal', access: 'websocket', tag: 'media', summary: "The mesh's signalling WebSocket (upgrade with ?ticket=); a plain request is refused", querystring: SignalQuerySchema, response: {} },
  livekitWebhook: { method: 'POST', path: '/livekit/webhook', access: 'signature', tag: 'media', summary: "LiveKit's signed webhook (application/webhook+json, kept as the exact bytes)", response: { 200: LiveKitWebhookAnswerSchema }, only: 'livekit' },
});

export type HttpRouteName = keyof typeof HttpRoutes;

/** The `:name` parameters of a path pattern, as a union of names. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
export type PathParams<R extends HttpRoute> = Record<PathParamNames<R['path']>, string | number>;

/** The path to request: each `:name` replaced by its value, encoded. */
export function pathTo<R extends HttpRoute>(route: R, params: PathParams<R>): string {
  const values = params as Record<string, string | number>;
  return route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${route.method} ${route.path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
}

/** The schemas of a route's successful answers that carry a body. */
export function successSchemas(route: HttpRoute): TSchema[] {
  return Object.entries(route.response)
    .filter(([status]) => status !== '204')
    .map(([, schema]) => schema);
}

type ResponseOf<R extends HttpRoute> = R['response'];
/** What a successful answer of the route holds (the union of its 2xx bodies). */
export type RouteAnswer<R extends HttpRoute> = {
  [S in keyof ResponseOf<R>]: ResponseOf<R>[S] extends TSchema ? Static<ResponseOf<R>[S]> : never;
}[keyof ResponseOf<R>];
export type RouteBody<R extends HttpRoute> = R['body'] extends TSchema ? Static<R['body']> : undefined;

/** "METHOD /path" of a route, as the access matrix and Fastify's route list spell it. */
export const routeKey = (route: HttpRoute) => `${route.method} ${route.path}`;
