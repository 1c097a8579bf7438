import Type from 'typebox';
import { IdSchema } from '../protocol/entities.js';
import { ConfidentialitySchema, RuleChangesSchema, RuleSetSchema, RuleTextSchema } from '../protocol/rules.js';

export const RulesPagePaths = {
  editor: (groupId: string) => `/groups/${groupId}/rules`,
} as const;

export const RuleTemplateIdSchema = Type.Union([Type.Literal('peer_support'), Type.Literal('client_support'), Type.Literal('staff_support')]);
export type RuleTemplateId = Type.Static<typeof RuleTemplateIdSchema>;

export const RuleTemplateSchema = Type.Object({
  id: RuleTemplateIdSchema,
  name: Type.String(),
  confidentiality: Type.String(),
  rules: Type.Array(Type.String()),
});
export type RuleTemplate = Type.Static<typeof RuleTemplateSchema>;

export const RuleVersionSummarySchema = Type.Object({ version: Type.Integer(), createdAt: Type.Number(), ruleCount: Type.Integer() });

/** `GET /api/groups/:groupId/rules` (the group's facilitator). */
export const GroupRulesSchema = Type.Object({
  current: Type.Union([RuleSetSchema, Type.Null()]),
  /** Newest first. */
  versions: Type.Array(RuleVersionSummarySchema),
  templates: Type.Array(RuleTemplateSchema),
});
export type GroupRules = Type.Static<typeof GroupRulesSchema>;

/**
 * `PUT /api/groups/:groupId/rules`: the whole list in its new order. A rule keeps its `id` when edited or
 * moved; a rule without one is new. `basedOn` is the version the editor started from (null for none), so
 * two facilitators cannot overwrite each other's change unseen (`conflict`).
 */
export const SaveRulesBodySchema = Type.Object(
  {
    basedOn: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    confidentiality: ConfidentialitySchema,
    rules: Type.Array(
      Type.Object({ id: Type.Optional(IdSchema), text: RuleTextSchema }, { additionalProperties: false }),
      { minItems: 1, maxItems: 30 },
    ),
  },
  { additionalProperties: false },
);
export type SaveRulesBody = Type.Static<typeof SaveRulesBodySchema>;

const CredentialToken = Type.String({ minLength: 16, maxLength: 200 });

export const RoomRulesBodySchema = Type.Object({ token: CredentialToken }, { additionalProperties: false });
export type RoomRulesBody = Type.Static<typeof RoomRulesBodySchema>;

/** What the pre-join consent gate shows: the current rules, and what changed since the person last agreed. */
export const RoomRulesSchema = Type.Object({
  ruleSet: Type.Union([RuleSetSchema, Type.Null()]),
  consentRequired: Type.Boolean(),
  consentedVersion: Type.Union([Type.Integer(), Type.Null()]),
  changes: Type.Union([RuleChangesSchema, Type.Null()]),
  /** [SV6] Whether a supervisor may observe the group's sessions: the gate says so before anyone agrees. */
  observationAllowed: Type.Boolean(),
});
export type RoomRules = Type.Static<typeof RoomRulesSchema>;

export const ConsentBodySchema = Type.Object(
  { token: CredentialToken, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type ConsentBody = Type.Static<typeof ConsentBodySchema>;

export const ConsentAnswerSchema = Type.Object({ version: Type.Integer(), consentedAt: Type.Number() });
export type ConsentAnswer = Type.Static<typeof ConsentAnswerSchema>;

/** Path parameters arrive as text; the version is digits only. */
export const RuleVersionParamsSchema = Type.Object({ groupId: IdSchema, version: Type.String({ pattern: '^[1-9][0-9]{0,5}$' }) });
