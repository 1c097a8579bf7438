import type { Role } from '@hearth/shared';

/**
 * [GR4] Who must agree before entering: members, to the group's current version. A group with no rules
 * yet has nothing to agree to; facilitators and co-facilitators write and keep the rules, so they are
 * not gated. Agreeing to an older version is not enough once the rules change.
 */
export function consentRequired(role: Role, currentVersion: number | null, consentedVersion: number | null): boolean {
  if (role !== 'member' || currentVersion === null) return false;
  return consentedVersion !== currentVersion;
}

/** Someone may agree only to the version in force: agreeing to a stale page must not count. */
export function canConsentTo(currentVersion: number | null, version: number): boolean {
  return currentVersion !== null && currentVersion === version;
}
