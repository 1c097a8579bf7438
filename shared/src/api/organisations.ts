import Type from 'typebox';
import { IdSchema } from '../protocol/entities.js';
import { EmailSchema } from './accounts.js';

/**
 * [OR1]-[OR6] Organisations: an account belongs to zero or more; an organisation has a name and its own contacts
 * (for reports later); a group may be hosted under one. Its administrators see that its groups exist, with dates
 * and counts, and never members, attendance by name, talk time, support records or notes.
 */

export const OrganisationNameSchema = Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' });
export const OrganisationRoleSchema = Type.Union([Type.Literal('admin'), Type.Literal('member')]);
export type OrganisationRole = Type.Static<typeof OrganisationRoleSchema>;

/** [OR1] An organisation as one of its accounts sees it, with what they are in it. */
export const MyOrganisationSchema = Type.Object({
  id: IdSchema,
  name: Type.String(),
  createdAt: Type.Number(),
  yourRole: OrganisationRoleSchema,
});
export type MyOrganisation = Type.Static<typeof MyOrganisationSchema>;

export const CreateOrganisationBodySchema = Type.Object({ name: OrganisationNameSchema }, { additionalProperties: false });
export type CreateOrganisationBody = Type.Static<typeof CreateOrganisationBodySchema>;

/** [OR2] An account of the organisation, as its administrators see it. */
export const OrganisationMemberSchema = Type.Object({
  accountId: IdSchema,
  displayName: Type.String(),
  email: Type.String(),
  role: OrganisationRoleSchema,
});
export type OrganisationMember = Type.Static<typeof OrganisationMemberSchema>;

export const AddOrganisationMemberBodySchema = Type.Object({ email: EmailSchema, role: OrganisationRoleSchema }, { additionalProperties: false });
export type AddOrganisationMemberBody = Type.Static<typeof AddOrganisationMemberBodySchema>;

/** [OR3] Someone at the organisation to send its groups' reports to: a name and an email, nothing else. */
export const OrganisationContactSchema = Type.Object({
  id: IdSchema,
  name: Type.String(),
  email: Type.String(),
});
export type OrganisationContact = Type.Static<typeof OrganisationContactSchema>;

export const AddOrganisationContactBodySchema = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }), email: EmailSchema },
  { additionalProperties: false },
);
export type AddOrganisationContactBody = Type.Static<typeof AddOrganisationContactBodySchema>;

/**
 * [OR5] What an organisation's administrator sees of a group hosted under it: that it exists, its sessions'
 * dates and how many people attended each. No title (a facilitator writes it), no name, no per-person figure.
 */
export const OrganisationGroupSchema = Type.Object({
  id: IdSchema,
  name: Type.String(),
  createdAt: Type.Number(),
  sessions: Type.Array(
    Type.Object({
      startedAt: Type.Number(),
      endedAt: Type.Union([Type.Number(), Type.Null()]),
      /** Members who took part (a count; facilitators and observers are not counted). */
      attendance: Type.Integer({ minimum: 0 }),
    }),
  ),
});
export type OrganisationGroup = Type.Static<typeof OrganisationGroupSchema>;

/** [OR4] The group's host puts it under one of their organisations, or under none (`null`). */
export const SetGroupOrganisationBodySchema = Type.Object({ organisationId: Type.Union([IdSchema, Type.Null()]) }, { additionalProperties: false });
export type SetGroupOrganisationBody = Type.Static<typeof SetGroupOrganisationBodySchema>;
