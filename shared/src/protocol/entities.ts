import Type from 'typebox';

/** Ids are opaque server-generated strings (UUIDs); clients never invent them. */
export const IdSchema = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

export const DisplayNameSchema = Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' });
export const OrganisationSchema = Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' });

export const Role = {
  facilitator: 'facilitator',
  coFacilitator: 'co_facilitator',
  member: 'member',
  /** A hidden observer: sees and hears the group, publishes nothing, and members are never told of them. */
  supervisor: 'supervisor',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const RoleSchema = Type.Union([
  Type.Literal('facilitator'),
  Type.Literal('co_facilitator'),
  Type.Literal('member'),
  Type.Literal('supervisor'),
]);

/** Roles with moderation powers in a session. */
export function isFacilitatorRole(role: Role): boolean {
  return role === Role.facilitator || role === Role.coFacilitator;
}

/**
 * The people who look after a session: facilitators, co-facilitators and the hidden supervisor. They share
 * the backchannel and distress alerts; only facilitators moderate or act on a case.
 */
export function isStaffRole(role: Role): boolean {
  return isFacilitatorRole(role) || role === Role.supervisor;
}

/**
 * [MD4][MD17] Whether `actor` may remove or ban someone with `target`'s role: facilitators put members out;
 * only the group's own facilitator puts out a co-facilitator or the supervisor; nobody puts out the
 * group's facilitator. The server enforces it; the client uses it to offer only what will be allowed.
 */
export function mayPutOut(actor: Role, target: Role): boolean {
  if (!isFacilitatorRole(actor) || target === Role.facilitator) return false;
  return target === Role.member || actor === Role.facilitator;
}

/** [SV1] Whether `viewer` may learn that `subject` is in the room: members never learn of a supervisor. */
export function isVisibleTo(subject: Pick<Participant, 'role'>, viewer: Role): boolean {
  return subject.role !== Role.supervisor || isStaffRole(viewer);
}

/** What everyone in a room knows about each participant. */
export const ParticipantSchema = Type.Object({
  id: IdSchema,
  displayName: Type.String(),
  organisation: Type.Union([Type.String(), Type.Null()]),
  role: RoleSchema,
  /** Whether the participant's microphone is on (as they last reported it). */
  audio: Type.Boolean(),
  /** Whether the participant's camera is on. */
  video: Type.Boolean(),
  /** Set when a facilitator muted this participant; cleared when they unmute themselves. */
  mutedBy: Type.Union([Type.Object({ id: IdSchema, displayName: Type.String() }), Type.Null()]),
  joinedAt: Type.Number(),
});
export type Participant = Type.Static<typeof ParticipantSchema>;

export const IceServerSchema = Type.Object({
  urls: Type.Union([Type.String(), Type.Array(Type.String())]),
  username: Type.Optional(Type.String()),
  credential: Type.Optional(Type.String()),
});
export type IceServer = Type.Static<typeof IceServerSchema>;

/** Peer-to-peer mesh: browsers send to each other, signalled through Hearth. */
export const MeshMediaAccessSchema = Type.Object({
  mode: Type.Literal('mesh'),
  iceServers: Type.Array(IceServerSchema),
  /** Single-use ticket for the WebSocket signalling endpoint (`/api/signal?ticket=`). */
  signallingTicket: Type.String(),
  /** Largest group the mesh serves; more needs LiveKit mode. */
  capacity: Type.Integer(),
});
export type MeshMediaAccess = Type.Static<typeof MeshMediaAccessSchema>;

/**
 * LiveKit mode: the browser connects to the SFU at `url` with `token`, a short-lived JWT for this
 * session's room only, whose grants follow the participant's role (see docs/moderation.md). There is
 * no signalling ticket: peers never connect to each other directly in this mode.
 */
export const LiveKitMediaAccessSchema = Type.Object({
  mode: Type.Literal('livekit'),
  url: Type.String(),
  token: Type.String(),
  /** When the token stops admitting a new connection (ms since epoch); LiveKit refreshes it once connected. */
  expiresAt: Type.Number(),
  /**
   * [LE2] Present when the session's media is end-to-end encrypted: the session's key (32 random bytes,
   * base64), given only to people admitted to the room and never to LiveKit. The client encrypts what it
   * publishes and decrypts what it receives with it (livekit-client's E2EE); without it nothing decodes.
   */
  e2eeKey: Type.Optional(Type.String({ minLength: 44, maxLength: 44 })),
});
export type LiveKitMediaAccess = Type.Static<typeof LiveKitMediaAccessSchema>;

/** How this client reaches media, chosen by the server (`mode`). */
export const MediaAccessSchema = Type.Union([MeshMediaAccessSchema, LiveKitMediaAccessSchema]);
export type MediaAccess = Type.Static<typeof MediaAccessSchema>;
