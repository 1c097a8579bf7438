/** HTTP paths, shared so the client never spells a route differently from the server. */
export const ApiRoutes = {
  health: '/api/health',
  setupStatus: '/api/setup',
  setup: '/api/setup',
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  groups: '/api/groups',
  groupSupport: (groupId: string) => `/api/groups/${encodeURIComponent(groupId)}/support`,
  groupObservation: (groupId: string) => `/api/groups/${encodeURIComponent(groupId)}/observation`,
  groupMediaEncryption: (groupId: string) => `/api/groups/${encodeURIComponent(groupId)}/media-encryption`,
  groupSessions: (groupId: string) => `/api/groups/${encodeURIComponent(groupId)}/sessions`,
  endSession: (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/end`,
  enterSession: (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/enter`,
  sessionCases: (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/cases`,
  sessionInvites: (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/invites`,
  sessionTalkTime: (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/talk-time`,
  revokeInvite: (inviteId: string) => `/api/invites/${encodeURIComponent(inviteId)}/revoke`,
  invitePreview: (token: string) => `/api/join/${encodeURIComponent(token)}`,
  redeemInvite: (token: string) => `/api/join/${encodeURIComponent(token)}/redeem`,
  signal: '/api/signal',
} as const;

/** Client-side pages. */
export const PagePaths = {
  signIn: '/sign-in',
  setup: '/setup',
  dashboard: '/',
  join: (token: string) => `/join/${token}`,
  facilitatorJoin: (sessionId: string) => `/sessions/${sessionId}/join`,
} as const;
