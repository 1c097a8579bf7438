import Type from 'typebox';
import { IdSchema, isFacilitatorRole, isStaffRole, RoleSchema, type Role } from './entities.js';

/**
 * Group chat, held by the facilitator (docs/spec.md, CH rules). The server takes the sender from the
 * socket and computes every recipient from its own records; no payload names a person.
 * - `everyone`: everyone admitted to the session's room writes and reads (the hidden supervisor reads only);
 * - `facilitators`: only facilitators and co-facilitators write; they and the supervisor read; members
 *   neither write nor read (their history is empty);
 * - `off`: nobody writes (`chat_off`); what was written stays readable to whom it was written for.
 * Messages live in the server's memory for the session only: never in the database, never in a log.
 */
export const ChatModeSchema = Type.Union([Type.Literal('everyone'), Type.Literal('facilitators'), Type.Literal('off')]);
export type ChatMode = Type.Static<typeof ChatModeSchema>;

/** Who a message was written for: fixed when it is sent, so changing the mode never widens it. */
export const ChatAudienceSchema = Type.Union([Type.Literal('everyone'), Type.Literal('facilitators')]);
export type ChatAudience = Type.Static<typeof ChatAudienceSchema>;

export const CHAT_TEXT_MAX = 1000;

/** Trimmed by the server; must hold something besides spaces. Links stay plain text: nothing fetches them. */
export const ChatTextSchema = Type.String({ minLength: 1, maxLength: CHAT_TEXT_MAX, pattern: '\\S' });

export const ChatMessageSchema = Type.Object({
  id: IdSchema,
  from: Type.Object({ id: IdSchema, displayName: Type.String(), role: RoleSchema }),
  text: Type.String(),
  sentAt: Type.Number(),
  audience: ChatAudienceSchema,
});
export type ChatMessage = Type.Static<typeof ChatMessageSchema>;

export const SendChatSchema = Type.Object({ text: ChatTextSchema }, { additionalProperties: false });
export const RemoveChatSchema = Type.Object({ messageId: IdSchema }, { additionalProperties: false });
export const SetChatModeSchema = Type.Object({ mode: ChatModeSchema }, { additionalProperties: false });

export const ChatRemovedSchema = Type.Object({ messageId: IdSchema });
export const ChatModeChangedSchema = Type.Object({ mode: ChatModeSchema });

/** [CH1] [CH2] Whether someone in this role may write in this mode (the supervisor never: [SV2] they stay unseen). */
export function maySendChat(mode: ChatMode, role: Role): boolean {
  if (mode === 'everyone') return !isStaffRole(role) || isFacilitatorRole(role);
  if (mode === 'facilitators') return isFacilitatorRole(role);
  return false;
}

/** [CH1] [CH2] Whether someone in this role reads a message written for this audience. */
export function mayReadChat(audience: ChatAudience, role: Role): boolean {
  return audience === 'everyone' || isStaffRole(role);
}

/** The audience a message sent now is written for, or null when nobody may write. */
export function audienceFor(mode: ChatMode): ChatAudience | null {
  return mode === 'off' ? null : mode;
}

/**
 * [CH2] What someone sees of the chat right now: a member sees nothing while the chat is for facilitators,
 * and never a message written for facilitators.
 */
export function visibleChat(messages: readonly ChatMessage[], mode: ChatMode, role: Role): ChatMessage[] {
  if (mode === 'facilitators' && !isStaffRole(role)) return [];
  return messages.filter((m) => mayReadChat(m.audience, role));
}
