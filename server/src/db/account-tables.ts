import type { Generated } from 'kysely';

/**
 * Table types of facilitators' accounts and what hangs off them (sign-ins, reset links, facilitator invites,
 * co-facilitators), kept apart from schema.ts so each file reads in one sitting. Times are epoch milliseconds;
 * bearer secrets are stored only as SHA-256 hashes.
 */
export interface AccountsTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  created_at: number;
  /** [AC6] Migration 014: bumped by "sign out everywhere" and a password reset; older sign-ins are refused. */
  session_generation: Generated<number>;
  /** [AC8] Migration 014: when the operator disabled the account; null while it may sign in. */
  disabled_at: number | null;
}

export interface AuthSessionsTable {
  token_hash: string;
  account_id: string;
  created_at: number;
  expires_at: number;
  /** [AC6] Migration 014: the account's session generation when this sign-in began. */
  generation: Generated<number>;
}

/** [AC5] Migration 014: one-time links to set a password; only the token's hash is stored. */
export interface PasswordResetsTable {
  token_hash: string;
  account_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** [CF1] Migration 017: one-time links that invite another facilitator; only the token's hash is stored. */
export interface FacilitatorInvitesTable {
  id: string;
  token_hash: string;
  invited_by: string;
  email: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  revoked_at: number | null;
}

/** [CF3] Migration 017: accounts that co-run a group with its host. */
export interface GroupCoFacilitatorsTable {
  group_id: string;
  account_id: string;
  added_by: string;
  added_at: number;
}

/** [OR1] Migration 018: an organisation; its name and nothing else about it. */
export interface OrganisationsTable {
  id: string;
  name: string;
  created_by: string;
  created_at: number;
}

/** [OR1] [OR2] Migration 018: an account of an organisation. */
export interface OrganisationMembersTable {
  organisation_id: string;
  account_id: string;
  role: 'admin' | 'member';
  added_at: number;
}

/** [OR3] Migration 018: someone at the organisation to send reports to. */
export interface OrganisationContactsTable {
  id: string;
  organisation_id: string;
  name: string;
  email: string;
  created_at: number;
}
