import type { Account, ApiError, Group } from '@hearth/shared';
import type { Services } from '../../services.js';
import type { GroupRecord } from './groups.repository.js';

type PolicyServices = Pick<Services, 'groups' | 'sessions' | 'coFacilitators'>;

/** A group as one of its facilitators reaches it, with what they are to it. */
export type FacilitatedGroup = GroupRecord & { yourRole: Group['yourRole'] };

/**
 * [CF4] A group is reached by its host and its co-facilitators only. Anyone else's group answers `not_found`,
 * not `not_allowed`, so ids cannot be probed. The co-facilitator row is read on every request, so removing one
 * [CF5] takes effect at their next request.
 */
export async function facilitatedGroup(services: PolicyServices, account: Account, groupId: string): Promise<FacilitatedGroup | undefined> {
  const group = await services.groups.find(groupId);
  if (!group) return undefined;
  if (group.ownerAccountId === account.id) return { ...group, yourRole: 'host' };
  return (await services.coFacilitators.has(group.id, account.id)) ? { ...group, yourRole: 'co_facilitator' } : undefined;
}

export async function facilitatedSession(services: PolicyServices, account: Account, sessionId: string) {
  const session = await services.sessions.find(sessionId);
  if (!session) return undefined;
  const group = await facilitatedGroup(services, account, session.groupId);
  return group && { session, group };
}

export const notFoundGroup: ApiError = { code: 'not_found', message: 'No such group.' };
export const hostOnly: ApiError = { code: 'not_allowed', message: "Only the group's host can change this. Ask them, or ask to be made host of a group of your own." };

/**
 * [CF4] The group's settings and its facilitators are its host's: a co-facilitator hears `not_allowed` (they know
 * the group exists), anyone else `not_found`.
 */
export async function hostedGroup(services: PolicyServices, account: Account, groupId: string): Promise<{ ok: true; group: FacilitatedGroup } | { ok: false; error: ApiError }> {
  const group = await facilitatedGroup(services, account, groupId);
  if (!group) return { ok: false, error: notFoundGroup };
  if (group.yourRole !== 'host') return { ok: false, error: hostOnly };
  return { ok: true, group };
}
