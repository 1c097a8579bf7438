import Type from 'typebox';
import { IdSchema } from './entities.js';

/**
 * [RX1] Quiet reactions: a small fixed set, shown briefly beside the person who sent it. The set is closed
 * (no free text, no emoji picker), so a reaction can carry nothing but one of these words.
 */
export const ReactionKindSchema = Type.Union([Type.Literal('thanks'), Type.Literal('me-too'), Type.Literal('support'), Type.Literal('concern')]);
export type ReactionKind = Type.Static<typeof ReactionKindSchema>;
/** In the order the room shows them. */
export const ReactionKinds: readonly ReactionKind[] = ['thanks', 'me-too', 'support', 'concern'];

export const SendReactionSchema = Type.Object({ kind: ReactionKindSchema }, { additionalProperties: false });

/** Who reacted (taken from the sender's connection, never from a payload) and with what. */
export const ReactionShownSchema = Type.Object({ participantId: IdSchema, kind: ReactionKindSchema });
export type ReactionShown = Type.Static<typeof ReactionShownSchema>;

/** [RX3] The group's setting: whether reactions are on in its sessions. */
export const ReactionSettingsSchema = Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false });
export type ReactionSettings = Type.Static<typeof ReactionSettingsSchema>;
