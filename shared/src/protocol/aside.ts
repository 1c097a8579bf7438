import Type from 'typebox';
import { IdSchema, RoleSchema } from './entities.js';

/**
 * The pull-aside: a private audio/video conversation between a member with an open support request
 * and one facilitator, while the group carries on. See docs/spec.md (PA rules).
 * - The server picks both people from its own records (the case's member, the facilitator who asked).
 * - Only those two learn it is a private conversation; everyone else (other facilitators included)
 *   learns only that they are "away for a moment": no case, no reason.
 * - In mesh mode the two open a separate peer connection, signalled on the `aside` channel, which the
 *   server relays only between the two people of an active aside.
 * - [LR16] In LiveKit mode the server takes both people's publishing away in the session's LiveKit room
 *   (the SFU stops forwarding their tracks to anyone) and gives each a token for a LiveKit room of
 *   the two alone (`media`); when it ends, their publishing in the session room is given back.
 */

/** A facilitator starts a pull-aside with the member of an open support request. */
export const StartAsideSchema = Type.Object({ alertId: IdSchema }, { additionalProperties: false });

/**
 * Ends a pull-aside. Without `participantId`: the sender's own. With it (facilitators only): the
 * aside that participant is in, e.g. to bring people back to the group.
 */
export const EndAsideSchema = Type.Object({ participantId: Type.Optional(IdSchema) }, { additionalProperties: false });

/** The other person in a pull-aside, as the two in it see each other. */
export const AsidePartnerSchema = Type.Object({ id: IdSchema, displayName: Type.String(), role: RoleSchema });

/**
 * [LR16] LiveKit mode only: where the two talk for the duration, a LiveKit room of their own
 * (`<session id>.aside.<aside id>`, nobody else is given a token for it). The session's end-to-end key,
 * if any, applies there too; it is not repeated here.
 */
export const AsideMediaSchema = Type.Object({ url: Type.String(), token: Type.String(), room: Type.String() });
export type AsideMedia = Type.Static<typeof AsideMediaSchema>;

/** Sent only to the two people in the aside. No case id: a member may not know a case was opened about them. */
export const AsideStartedSchema = Type.Object({ asideId: IdSchema, with: AsidePartnerSchema, startedAt: Type.Number(), media: Type.Optional(AsideMediaSchema) });

export const AsideEndReasonSchema = Type.Union([
  /** One of the two, or a facilitator, ended it. */
  Type.Literal('ended'),
  /** One of the two left, lost their connection, was removed or rejoined from elsewhere. */
  Type.Literal('left'),
]);

/** Sent only to the two people in the aside (those still connected). */
export const AsideEndedSchema = Type.Object({ asideId: IdSchema, reason: AsideEndReasonSchema });

/**
 * Everyone in the session: who is away for a moment right now (the whole list, replacing the last).
 * Deliberately nothing more: not why, not with whom, not that support was asked for.
 */
export const AsideAwaySchema = Type.Object({ participantIds: Type.Array(IdSchema) });
