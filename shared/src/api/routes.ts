import { HttpRoutes as R, pathTo } from './http-routes.js';

/**
 * Path shorthands built from the route table (`HttpRoutes`), for code that only needs a URL (tests, the
 * signalling socket). No path is spelled here: each comes from its table entry.
 */
export const ApiRoutes = {
  health: R.health.path,
  ready: R.ready.path,
  apiDocs: R.apiDocs.path,
  setupStatus: R.setupStatus.path,
  setup: R.setup.path,
  login: R.login.path,
  logout: R.logout.path,
  me: R.me.path,
  forgotPassword: R.forgotPassword.path,
  resetPassword: R.resetPassword.path,
  signOutEverywhere: R.signOutEverywhere.path,
  facilitatorInvites: R.listFacilitatorInvites.path,
  acceptFacilitatorInvite: R.acceptFacilitatorInvite.path,
  revokeFacilitatorInvite: (facilitatorInviteId: string) => pathTo(R.revokeFacilitatorInvite, { facilitatorInviteId }),
  organisations: R.listOrganisations.path,
  organisationMembers: (organisationId: string) => pathTo(R.organisationMembers, { organisationId }),
  organisationContacts: (organisationId: string) => pathTo(R.organisationContacts, { organisationId }),
  organisationGroups: (organisationId: string) => pathTo(R.organisationGroups, { organisationId }),
  groupOrganisation: (groupId: string) => pathTo(R.setGroupOrganisation, { groupId }),
  groups: R.listGroups.path,
  groupFacilitators: (groupId: string) => pathTo(R.groupFacilitators, { groupId }),
  coFacilitators: (groupId: string) => pathTo(R.addCoFacilitator, { groupId }),
  removeCoFacilitator: (groupId: string, accountId: string) => pathTo(R.removeCoFacilitator, { groupId, accountId }),
  groupSupport: (groupId: string) => pathTo(R.updateGroupSupport, { groupId }),
  groupObservation: (groupId: string) => pathTo(R.setGroupObservation, { groupId }),
  groupMediaEncryption: (groupId: string) => pathTo(R.setGroupMediaEncryption, { groupId }),
  groupSessions: (groupId: string) => pathTo(R.listSessions, { groupId }),
  endSession: (sessionId: string) => pathTo(R.endSession, { sessionId }),
  enterSession: (sessionId: string) => pathTo(R.enterSession, { sessionId }),
  sessionCases: (sessionId: string) => pathTo(R.sessionCases, { sessionId }),
  sessionInvites: (sessionId: string) => pathTo(R.sessionInvites, { sessionId }),
  sessionTalkTime: (sessionId: string) => pathTo(R.sessionTalkTime, { sessionId }),
  revokeInvite: (inviteId: string) => pathTo(R.revokeInvite, { inviteId }),
  invitePreview: (token: string) => pathTo(R.invitePreview, { token }),
  redeemInvite: (token: string) => pathTo(R.redeemInvite, { token }),
  signal: R.signal.path,
} as const;

/** Ground-rules paths. Participant routes carry the room credential in the body, never in the URL (URLs end up in logs). */
export const RulesRoutes = {
  groupRules: (groupId: string) => pathTo(R.groupRules, { groupId }),
  groupRulesVersion: (groupId: string, version: number) => pathTo(R.groupRulesVersion, { groupId, version }),
  roomRules: R.roomRules.path,
  roomConsent: R.roomConsent.path,
} as const;

export const AgendaRoutes = {
  groupAgenda: (groupId: string) => pathTo(R.groupAgenda, { groupId }),
} as const;

export const ModerationRoutes = {
  groupWelcome: (groupId: string) => pathTo(R.groupWelcome, { groupId }),
} as const;

/** Client-side pages. */
export const PagePaths = {
  signIn: '/sign-in',
  setup: '/setup',
  /** [AC5] The one-time link's page; its token is in the fragment (`#token=`), which browsers never send, so it stays out of logs. */
  resetPassword: '/reset',
  forgotPassword: '/forgot-password',
  /** [CF2] A facilitator invite's page; its token is in the fragment (`#token=`), like a reset link's. */
  acceptInvite: '/accept-invite',
  dashboard: '/',
  join: (token: string) => `/join/${token}`,
  facilitatorJoin: (sessionId: string) => `/sessions/${sessionId}/join`,
} as const;
