import Type from 'typebox';
import { DisplayNameSchema, IceServerSchema, IdSchema, OrganisationSchema } from '../protocol/entities.js';

export const GroupSchema = Type.Object({
  id: IdSchema,
  name: Type.String(),
  purpose: Type.String(),
  organisation: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.Number(),
  /** Shown privately to a member who asks for support, e.g. crisis lines and what they are for. */
  crisisResources: Type.Union([Type.String(), Type.Null()]),
  /** Who facilitators contact in an emergency; never shown to members. */
  emergencyContacts: Type.Union([Type.String(), Type.Null()]),
  /** Where unacknowledged and escalated requests are reported, if set (the secret is never sent back). */
  oncallWebhookUrl: Type.Union([Type.String(), Type.Null()]),
  /** Whether those reports may carry the member's name and note (otherwise only level and times). */
  oncallIncludeContent: Type.Boolean(),
  /** Days support records are kept after a session ends, then deleted. */
  recordsRetentionDays: Type.Integer(),
  /**
   * [SV6] Whether a supervisor may observe the group's sessions. Observation is never secret: members are
   * told before they join that an observer may be present, and in the room that one is (never who).
   */
  observationAllowed: Type.Boolean(),
  /**
   * [LE1] Whether sessions started from now on encrypt their media end to end in LiveKit mode: the
   * browsers encrypt with a per-session key that the SFU never receives. Off by default; the mesh
   * already encrypts between browsers (DTLS-SRTP), so it changes nothing there.
   */
  mediaEncryption: Type.Boolean(),
  /** [OR4] The organisation the group is hosted under, if any (its administrators then see that the group exists). */
  hostOrganisationId: Type.Union([IdSchema, Type.Null()]),
  /** [CF4] What the signed-in facilitator is to this group: its host, or one of its co-facilitators. */
  yourRole: Type.Union([Type.Literal('host'), Type.Literal('co_facilitator')]),
});

export const DEFAULT_RECORDS_RETENTION_DAYS = 90;
export type Group = Type.Static<typeof GroupSchema>;

export const SupportTextSchema = Type.String({ maxLength: 2000 });

/** Every field optional; an empty string clears a text field. The URL and the secret are set together. */
export const UpdateGroupSupportBodySchema = Type.Object(
  {
    crisisResources: Type.Optional(SupportTextSchema),
    emergencyContacts: Type.Optional(SupportTextSchema),
    oncallWebhook: Type.Optional(
      Type.Union([
        Type.Null(),
        Type.Object(
          {
            url: Type.String({ maxLength: 500, pattern: '^https?://[^\\s]+$' }),
            secret: Type.String({ minLength: 16, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
      ]),
    ),
    oncallIncludeContent: Type.Optional(Type.Boolean()),
    recordsRetentionDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);
export type UpdateGroupSupportBody = Type.Static<typeof UpdateGroupSupportBodySchema>;

/** [SV6] Turns observation of the group's sessions on or off. */
export const SetObservationBodySchema = Type.Object({ allowed: Type.Boolean() }, { additionalProperties: false });
export type SetObservationBody = Type.Static<typeof SetObservationBodySchema>;

/** [LE1] Turns end-to-end media encryption on or off for the group's sessions started from now on. */
export const SetMediaEncryptionBodySchema = Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false });
export type SetMediaEncryptionBody = Type.Static<typeof SetMediaEncryptionBodySchema>;

export const CreateGroupBodySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }),
    purpose: Type.String({ maxLength: 500 }),
    organisation: Type.Optional(OrganisationSchema),
  },
  { additionalProperties: false },
);
export type CreateGroupBody = Type.Static<typeof CreateGroupBodySchema>;

export const SessionStatusSchema = Type.Union([Type.Literal('live'), Type.Literal('ended')]);

export const SessionSchema = Type.Object({
  id: IdSchema,
  groupId: IdSchema,
  title: Type.String(),
  status: SessionStatusSchema,
  startedAt: Type.Number(),
  endedAt: Type.Union([Type.Number(), Type.Null()]),
  /** [RT3] When the group's retention removed the session's names, support records and talk time; absent until then. */
  recordsExpiredAt: Type.Optional(Type.Number()),
});
export type Session = Type.Static<typeof SessionSchema>;

export const StartSessionBodySchema = Type.Object(
  { title: Type.Optional(Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' })) },
  { additionalProperties: false },
);
export type StartSessionBody = Type.Static<typeof StartSessionBodySchema>;

export const InviteRoleSchema = Type.Union([Type.Literal('member'), Type.Literal('co_facilitator'), Type.Literal('supervisor')]);
export const InviteStatusSchema = Type.Union([
  Type.Literal('active'),
  Type.Literal('expired'),
  Type.Literal('revoked'),
  Type.Literal('used_up'),
]);

export const InviteSchema = Type.Object({
  id: IdSchema,
  sessionId: IdSchema,
  role: InviteRoleSchema,
  label: Type.Union([Type.String(), Type.Null()]),
  /** Path of the join page, e.g. `/join/<token>`; the client prefixes its origin. */
  path: Type.String(),
  expiresAt: Type.Number(),
  revokedAt: Type.Union([Type.Number(), Type.Null()]),
  maxUses: Type.Integer(),
  uses: Type.Integer(),
  status: InviteStatusSchema,
});
export type Invite = Type.Static<typeof InviteSchema>;

export const CreateInviteBodySchema = Type.Object(
  {
    role: InviteRoleSchema,
    /** Minutes until the link stops working: 5 minutes to 14 days. */
    expiresInMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 20_160 })),
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    /** How many people may join with this link. */
    maxUses: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);
export type CreateInviteBody = Type.Static<typeof CreateInviteBodySchema>;

/** What anyone holding a valid link may learn before joining. */
export const InvitePreviewSchema = Type.Object({
  groupName: Type.String(),
  groupPurpose: Type.String(),
  sessionTitle: Type.String(),
  role: InviteRoleSchema,
  /** Whether the group asks members for their organisation (staff groups across organisations). */
  asksOrganisation: Type.Boolean(),
  /** [SV6] Whether a supervisor may observe this group's sessions, so the page can say so before joining. */
  observationAllowed: Type.Boolean(),
  /**
   * [TN3] The ICE servers a browser would get at room:join (ICE_SERVERS, then TURN with a credential minted for
   * this preview), so the pre-join page can check that a route to the others exists before the person joins.
   */
  iceServers: Type.Array(IceServerSchema),
});
export type InvitePreview = Type.Static<typeof InvitePreviewSchema>;

export const RedeemInviteBodySchema = Type.Object(
  { displayName: DisplayNameSchema, organisation: Type.Optional(OrganisationSchema) },
  { additionalProperties: false },
);
export type RedeemInviteBody = Type.Static<typeof RedeemInviteBodySchema>;

/** A participant credential for one session: goes in the socket handshake. */
export const RoomCredentialSchema = Type.Object({
  token: Type.String(),
  sessionId: IdSchema,
  participantId: IdSchema,
});
export type RoomCredential = Type.Static<typeof RoomCredentialSchema>;

export const EnterSessionBodySchema = Type.Object(
  { displayName: Type.Optional(DisplayNameSchema) },
  { additionalProperties: false },
);
export type EnterSessionBody = Type.Static<typeof EnterSessionBodySchema>;
