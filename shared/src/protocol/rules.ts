import Type from 'typebox';
import { IdSchema } from './entities.js';

/**
 * Ground rules: a group's rules are kept as numbered versions (every change makes a new one; older ones
 * stay readable). A member consents to the current version before entering a session; the server
 * refuses `room:join` with `consent_required` until they have. See docs/spec.md (GR rules).
 */
export const RuleTextSchema = Type.String({ minLength: 1, maxLength: 400, pattern: '\\S' });
export const ConfidentialitySchema = Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' });

export const RuleSchema = Type.Object({
  /** Stable across versions, so a change to a rule's wording can be shown as a change, not a new rule. */
  id: IdSchema,
  text: Type.String(),
});
export type Rule = Type.Static<typeof RuleSchema>;

export const RuleSetSchema = Type.Object({
  groupId: IdSchema,
  version: Type.Integer({ minimum: 1 }),
  /** The confidentiality statement, including its limits (e.g. a risk of serious harm). */
  confidentiality: Type.String(),
  rules: Type.Array(RuleSchema),
  createdAt: Type.Number(),
});
export type RuleSet = Type.Static<typeof RuleSetSchema>;

/** What changed between the version someone consented to and the current one, for highlighting. */
export const RuleChangesSchema = Type.Object({
  fromVersion: Type.Integer({ minimum: 1 }),
  added: Type.Array(IdSchema),
  changed: Type.Array(IdSchema),
  removed: Type.Array(RuleSchema),
  confidentialityChanged: Type.Boolean(),
});
export type RuleChanges = Type.Static<typeof RuleChangesSchema>;

/** A record of consent, as facilitators see it. */
export const ConsentEntrySchema = Type.Object({
  participantId: IdSchema,
  displayName: Type.String(),
  version: Type.Integer(),
  consentedAt: Type.Number(),
});
export type ConsentEntry = Type.Static<typeof ConsentEntrySchema>;

export const RuleTargetSchema = Type.Object({ ruleId: IdSchema }, { additionalProperties: false });

/** Everyone in the room: one rule, shown calmly to all until each person dismisses it. */
export const RuleSpotlightSchema = Type.Object({ version: Type.Integer(), rule: RuleSchema, at: Type.Number() });
export type RuleSpotlight = Type.Static<typeof RuleSpotlightSchema>;

/**
 * Facilitators only. [GR6] Deliberately carries no participant id, name or connection: the server never
 * forwards who asked.
 */
export const RevisitRequestSchema = Type.Object(
  { version: Type.Integer(), rule: RuleSchema, at: Type.Number() },
  { additionalProperties: false },
);
export type RevisitRequest = Type.Static<typeof RevisitRequestSchema>;

/**
 * Drafting together: a member proposes a new rule (or new wording for one), others show agreement or a
 * concern, and a facilitator adopts it (a new version) or sets it aside. Counts only: nobody's response
 * is shown by name.
 */
export const ProposalSchema = Type.Object({
  id: IdSchema,
  kind: Type.Union([Type.Literal('add'), Type.Literal('change')]),
  /** The rule whose wording would change (kind `change`). */
  ruleId: Type.Union([IdSchema, Type.Null()]),
  text: Type.String(),
  agree: Type.Integer({ minimum: 0 }),
  concern: Type.Integer({ minimum: 0 }),
  status: Type.Union([Type.Literal('open'), Type.Literal('adopted'), Type.Literal('set_aside')]),
  adoptedVersion: Type.Union([Type.Integer(), Type.Null()]),
});
export type Proposal = Type.Static<typeof ProposalSchema>;

export const ProposeRuleSchema = Type.Object({ ruleId: Type.Optional(IdSchema), text: RuleTextSchema }, { additionalProperties: false });
export const RespondToProposalSchema = Type.Object(
  { proposalId: IdSchema, response: Type.Union([Type.Literal('agree'), Type.Literal('concern')]) },
  { additionalProperties: false },
);
export const DecideProposalSchema = Type.Object(
  { proposalId: IdSchema, decision: Type.Union([Type.Literal('adopt'), Type.Literal('set_aside')]) },
  { additionalProperties: false },
);
