import type { ClientCommandName } from '@hearth/shared';

/**
 * Who may send each command. One table, so a new command cannot be added without deciding its policy
 * (the type requires every command), and so tests can try every facilitator-only command as a member.
 */
export interface CommandPolicy {
  /** 'staff' is the facilitators plus the hidden supervisor (the backchannel's audience). */
  roles: 'anyone' | 'facilitators' | 'staff';
  /**
   * [SV2] Whether the hidden supervisor may send an 'anyone' command. Absent means no: an observer does
   * nothing members could notice, so a new command is closed to them until someone decides otherwise.
   */
  observer?: true;
  /** Whether the sender must have joined the room first. */
  needsJoin: boolean;
}

export const commandPolicy: Record<ClientCommandName, CommandPolicy> = {
  'room:join': { roles: 'anyone', needsJoin: false, observer: true },
  'room:leave': { roles: 'anyone', needsJoin: true, observer: true },
  // The supervisor may only report their media off: the handler refuses turning anything on [SV3].
  'media:state': { roles: 'anyone', needsJoin: true, observer: true },
  'moderation:mute': { roles: 'facilitators', needsJoin: true },
  'moderation:remove': { roles: 'facilitators', needsJoin: true },
  'moderation:state': { roles: 'facilitators', needsJoin: true },
  'moderation:waiting-room': { roles: 'facilitators', needsJoin: true },
  'moderation:lock': { roles: 'facilitators', needsJoin: true },
  'moderation:mute-all': { roles: 'facilitators', needsJoin: true },
  'moderation:ask-unmute': { roles: 'facilitators', needsJoin: true },
  // Only the member who was asked: the handler checks there is an ask for them.
  'moderation:answer-unmute': { roles: 'anyone', needsJoin: true },
  'moderation:stop-video': { roles: 'facilitators', needsJoin: true },
  'moderation:ban': { roles: 'facilitators', needsJoin: true },
  // Before joining, by definition: the handler checks the session has a waiting room for this person.
  'waiting:enter': { roles: 'anyone', needsJoin: false },
  'waiting:admit': { roles: 'facilitators', needsJoin: true },
  'waiting:decline': { roles: 'facilitators', needsJoin: true },
  // A waiting member (not joined) or a facilitator in the room: the handler checks which.
  'waiting:message': { roles: 'anyone', needsJoin: false },
  'distress:raise': { roles: 'anyone', needsJoin: true },
  // Only the member who raised the request: the handler checks it is theirs and still open.
  'distress:amend': { roles: 'anyone', needsJoin: true },
  'distress:acknowledge': { roles: 'facilitators', needsJoin: true },
  'distress:update': { roles: 'facilitators', needsJoin: true },
  'distress:open': { roles: 'facilitators', needsJoin: true },
  // Members may write on their own request only: the handler checks it is theirs.
  'case:bring-in': { roles: 'facilitators', needsJoin: true },
  'case:message': { roles: 'anyone', needsJoin: true },
  'case:history': { roles: 'anyone', needsJoin: true },
  'backchannel:message': { roles: 'staff', needsJoin: true },
  'backchannel:history': { roles: 'staff', needsJoin: true },
  'aside:start': { roles: 'facilitators', needsJoin: true },
  // Either person in the aside, or a facilitator naming someone: the handler checks which.
  'aside:end': { roles: 'anyone', needsJoin: true },
  'rules:get': { roles: 'anyone', needsJoin: true, observer: true },
  'rules:spotlight': { roles: 'facilitators', needsJoin: true },
  // Anyone admitted to the room; the facilitators never learn who (see rules.handlers.ts).
  'rules:revisit': { roles: 'anyone', needsJoin: true },
  'rules:propose': { roles: 'anyone', needsJoin: true },
  'rules:respond': { roles: 'anyone', needsJoin: true },
  'rules:decide': { roles: 'facilitators', needsJoin: true },
  'agenda:get': { roles: 'anyone', needsJoin: true, observer: true },
  'agenda:move': { roles: 'facilitators', needsJoin: true },
  // The supervisor publishes nothing, so has no talk time to report.
  'talk:report': { roles: 'anyone', needsJoin: true },
  'talk:settings': { roles: 'facilitators', needsJoin: true },
  // Hands, the floor, rounds and nudges (floor.handlers.ts, round.handlers.ts, nudge.handlers.ts).
  'hand:raise': { roles: 'anyone', needsJoin: true },
  'hand:lower': { roles: 'anyone', needsJoin: true },
  'hands:lower': { roles: 'facilitators', needsJoin: true },
  'hands:order': { roles: 'facilitators', needsJoin: true },
  'floor:give': { roles: 'facilitators', needsJoin: true },
  // The holder, or a facilitator: the handler checks which.
  'floor:release': { roles: 'anyone', needsJoin: true },
  'floor:control': { roles: 'facilitators', needsJoin: true },
  'round:start': { roles: 'facilitators', needsJoin: true },
  // The current speaker (and, for done, a facilitator): the handler checks.
  'round:pass': { roles: 'anyone', needsJoin: true },
  'round:done': { roles: 'anyone', needsJoin: true },
  'round:skip': { roles: 'facilitators', needsJoin: true },
  'round:reorder': { roles: 'facilitators', needsJoin: true },
  'round:end': { roles: 'facilitators', needsJoin: true },
  'nudge:send': { roles: 'facilitators', needsJoin: true },
  // Only the recipient: the handler finds the nudge among theirs.
  'nudge:answer': { roles: 'anyone', needsJoin: true },
  'nudge:wording': { roles: 'facilitators', needsJoin: true },
  'nudge:set-wording': { roles: 'facilitators', needsJoin: true },
  // [CH1] [CH2] Members and facilitators, as the chat's mode allows: the handler checks. Not the supervisor,
  // whose message would tell members they are there [SV2]; they read the history (and get `chat:message`).
  'chat:send': { roles: 'anyone', needsJoin: true },
  'chat:remove': { roles: 'facilitators', needsJoin: true },
  'chat:mode': { roles: 'facilitators', needsJoin: true },
  'chat:history': { roles: 'anyone', needsJoin: true, observer: true },
  // [RX1] Not the hidden supervisor (no observer flag): a reaction would show someone members cannot see.
  'reaction:send': { roles: 'anyone', needsJoin: true },
  'reactions:settings': { roles: 'facilitators', needsJoin: true },
};
