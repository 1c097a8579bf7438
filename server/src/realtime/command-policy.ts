import type { ClientCommandName } from '@hearth/shared';

/**
 * Who may send each command. One table, so a new command cannot be added without deciding its policy
 * (the type requires every command), and so tests can try every facilitator-only command as a member.
 */
export interface CommandPolicy {
  roles: 'anyone' | 'facilitators';
  /** Whether the sender must have joined the room first. */
  needsJoin: boolean;
}

export const commandPolicy: Record<ClientCommandName, CommandPolicy> = {
  'room:join': { roles: 'anyone', needsJoin: false },
  'room:leave': { roles: 'anyone', needsJoin: true },
  'media:state': { roles: 'anyone', needsJoin: true },
  'moderation:mute': { roles: 'facilitators', needsJoin: true },
  'moderation:remove': { roles: 'facilitators', needsJoin: true },
  'distress:raise': { roles: 'anyone', needsJoin: true },
  'distress:acknowledge': { roles: 'facilitators', needsJoin: true },
  'distress:update': { roles: 'facilitators', needsJoin: true },
  'distress:open': { roles: 'facilitators', needsJoin: true },
  // Members may write on their own request only: the handler checks it is theirs.
  'case:message': { roles: 'anyone', needsJoin: true },
  'case:history': { roles: 'anyone', needsJoin: true },
  'backchannel:message': { roles: 'facilitators', needsJoin: true },
  'backchannel:history': { roles: 'facilitators', needsJoin: true },
};
