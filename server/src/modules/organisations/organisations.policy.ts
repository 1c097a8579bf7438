import type { Account, ApiError, OrganisationRole } from '@hearth/shared';
import type { Services } from '../../services.js';

const notFound: ApiError = { code: 'not_found', message: 'No such organisation.' };
const adminOnly: ApiError = { code: 'not_allowed', message: "Only the organisation's administrators can do that." };

/**
 * [OR2] An organisation is reached by its own accounts only: anyone else's id answers `not_found` (ids cannot be
 * probed). Its accounts, contacts and groups are its administrators': a member is told `not_allowed`.
 */
export async function administeredOrganisation(
  services: Pick<Services, 'organisations'>,
  account: Account,
  organisationId: string,
): Promise<{ ok: true; organisationId: string } | { ok: false; error: ApiError }> {
  const role: OrganisationRole | undefined = await services.organisations.roleOf(organisationId, account.id);
  if (!role) return { ok: false, error: notFound };
  if (role !== 'admin') return { ok: false, error: adminOnly };
  return { ok: true, organisationId };
}

export const organisationNotFound = notFound;
