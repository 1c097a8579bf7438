import Type from 'typebox';
import { IdSchema, RoleSchema } from './entities.js';

/**
 * Private text: the conversation on one support request (the member who raised it and the session's
 * facilitators) and the facilitators' backchannel (facilitators and co-facilitators only). The server
 * decides every recipient from its own records; no payload names one.
 */
export const MessageBodySchema = Type.String({ minLength: 1, maxLength: 1000, pattern: '\\S' });

export const PrivateMessageSchema = Type.Object({
  id: IdSchema,
  from: Type.Object({ id: IdSchema, displayName: Type.String(), role: RoleSchema }),
  body: Type.String(),
  sentAt: Type.Number(),
});
export type PrivateMessage = Type.Static<typeof PrivateMessageSchema>;

export const CaseMessageSchema = Type.Object({ alertId: IdSchema, body: MessageBodySchema }, { additionalProperties: false });
export const CaseHistorySchema = Type.Object({ alertId: IdSchema }, { additionalProperties: false });
export const BackchannelMessageSchema = Type.Object({ body: MessageBodySchema }, { additionalProperties: false });

export const CaseMessageFactSchema = Type.Object({ alertId: IdSchema, message: PrivateMessageSchema });
