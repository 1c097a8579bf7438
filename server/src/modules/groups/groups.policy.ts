import type { Account } from '@hearth/shared';
import type { Services } from '../../services.js';
import type { GroupRecord } from './groups.repository.js';

/**
 * Only the facilitator who owns a group may see or change it, its sessions and its invites. Someone
 * else's group answers `not_found`, not `not_allowed`, so ids cannot be probed.
 */
export async function ownedGroup(services: Pick<Services, 'groups' | 'sessions'>, account: Account, groupId: string): Promise<GroupRecord | undefined> {
  const group = await services.groups.find(groupId);
  return group && group.ownerAccountId === account.id ? group : undefined;
}

export async function ownedSession(services: Pick<Services, 'groups' | 'sessions'>, account: Account, sessionId: string) {
  const session = await services.sessions.find(sessionId);
  if (!session) return undefined;
  const group = await ownedGroup(services, account, session.groupId);
  return group && { session, group };
}
