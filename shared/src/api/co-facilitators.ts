import Type from 'typebox';
import { DisplayNameSchema, IdSchema } from '../protocol/entities.js';
import { EmailSchema, PasswordSchema } from './accounts.js';

/**
 * [CF1]-[CF6] More than one facilitator: an account holder invites another facilitator by a one-time link, and a
 * group's host adds existing accounts as its co-facilitators.
 */

/** [CF1] A facilitator invite as its maker sees it; the link itself is shown once, when it is made. */
export const FacilitatorInviteSchema = Type.Object({
  id: IdSchema,
  email: Type.String(),
  createdAt: Type.Number(),
  expiresAt: Type.Number(),
  status: Type.Union([Type.Literal('open'), Type.Literal('used'), Type.Literal('expired'), Type.Literal('revoked')]),
});
export type FacilitatorInvite = Type.Static<typeof FacilitatorInviteSchema>;

/** [CF1] The answer to making an invite: the one-time link (`/accept-invite#token=`), shown this once only. */
export const NewFacilitatorInviteSchema = Type.Object({ invite: FacilitatorInviteSchema, link: Type.String() });
export type NewFacilitatorInvite = Type.Static<typeof NewFacilitatorInviteSchema>;

export const CreateFacilitatorInviteBodySchema = Type.Object({ email: EmailSchema }, { additionalProperties: false });
export type CreateFacilitatorInviteBody = Type.Static<typeof CreateFacilitatorInviteBodySchema>;

/**
 * [CF2] Accepting an invite: the invitee chooses their name and password. The token is any string up to 200
 * characters, so a badly copied link is told `invite_invalid` rather than `invalid_payload`.
 */
export const AcceptFacilitatorInviteBodySchema = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200 }), displayName: DisplayNameSchema, password: PasswordSchema },
  { additionalProperties: false },
);
export type AcceptFacilitatorInviteBody = Type.Static<typeof AcceptFacilitatorInviteBodySchema>;

/** [CF3] One of a group's facilitators, as the group's facilitators see them. */
export const GroupFacilitatorSchema = Type.Object({
  accountId: IdSchema,
  displayName: Type.String(),
  email: Type.String(),
  role: Type.Union([Type.Literal('host'), Type.Literal('co_facilitator')]),
});
export type GroupFacilitator = Type.Static<typeof GroupFacilitatorSchema>;

/** [CF3] A group's host and co-facilitators, host first. */
export const GroupFacilitatorsSchema = Type.Array(GroupFacilitatorSchema);

/** [CF3] The host adds an existing account by its email. */
export const AddCoFacilitatorBodySchema = Type.Object({ email: EmailSchema }, { additionalProperties: false });
export type AddCoFacilitatorBody = Type.Static<typeof AddCoFacilitatorBodySchema>;
