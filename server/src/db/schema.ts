import type { ColumnType, Generated } from 'kysely';
import type {
  AccountsTable,
  AuthSessionsTable,
  FacilitatorInvitesTable,
  GroupCoFacilitatorsTable,
  OrganisationContactsTable,
  OrganisationMembersTable,
  OrganisationsTable,
  PasswordResetsTable,
} from './account-tables.js';

export type { AccountsTable, AuthSessionsTable, FacilitatorInvitesTable, GroupCoFacilitatorsTable, OrganisationContactsTable, OrganisationMembersTable, OrganisationsTable, PasswordResetsTable };

/**
 * Table types for Kysely. Times are epoch milliseconds stored as BIGINT (Postgres int8 is parsed back to
 * a JS number in db/database.ts). Secrets that act as bearer credentials are stored only as SHA-256
 * hashes; invite tokens are stored as-is because facilitators need to copy the link again.
 */
export interface GroupsTable {
  id: string;
  owner_account_id: string;
  name: string;
  purpose: string;
  organisation: string | null;
  created_at: number;
  crisis_resources: string | null;
  emergency_contacts: string | null;
  oncall_webhook_url: string | null;
  oncall_webhook_secret: string | null;
  /** 1 when the group allows names and notes in on-call webhooks; null or 0 otherwise. */
  oncall_include_content: number | null;
  records_retention_days: number | null;
  /** [SV6] 0 when the group has turned observation off; null or 1 allow a supervisor. */
  observation_allowed: number | null;
  /** [LE1] 1 when the group's sessions started from now on encrypt their media end to end; null or 0 otherwise. */
  media_encryption: number | null;
  /** [RX3] 0 when the group has turned quiet reactions off; null or 1 leave them on. */
  reactions_enabled: number | null;
  /** [OR4] Migration 018: the organisation the group is hosted under; null for none. */
  host_organisation_id: string | null;
}

export interface SessionsTable {
  id: string;
  group_id: string;
  title: string;
  status: 'live' | 'ended';
  started_at: number;
  ended_at: number | null;
  /** [LE1] The session's end-to-end media key (base64), while it is live with encryption on; never sent to LiveKit or logged. */
  media_key: string | null;
  /** [RT1] Migration 015: when the retention sweep removed the session's names and free text; null until then. */
  records_expired_at: number | null;
}

export interface InvitesTable {
  id: string;
  session_id: string;
  token: string;
  role: 'member' | 'co_facilitator' | 'supervisor';
  label: string | null;
  max_uses: number;
  uses: Generated<number>;
  expires_at: number;
  revoked_at: number | null;
  created_at: number;
}

export interface ParticipantsTable {
  id: string;
  session_id: string;
  invite_id: string | null;
  account_id: string | null;
  role: 'facilitator' | 'co_facilitator' | 'member' | 'supervisor';
  display_name: string;
  organisation: string | null;
  token_hash: string;
  created_at: number;
  removed_at: number | null;
}

export interface DistressAlertsTable {
  id: string;
  session_id: string;
  participant_id: string;
  opened_by: string | null;
  level: 'struggling' | 'talk_privately' | 'not_safe';
  note: string | null;
  status: 'raised' | 'acknowledged' | 'in_conversation' | 'escalated' | 'resolved';
  raised_at: number;
  last_alerted_at: number;
  re_alerts: Generated<number>;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  member_included_at: number | null;
}

export interface DistressEventsTable {
  id: string;
  alert_id: string;
  at: number;
  kind: 'raised' | 're_alerted' | 'acknowledged' | 'in_conversation' | 'escalated' | 'resolved';
  by_participant_id: string | null;
}

export interface PrivateMessagesTable {
  id: string;
  session_id: string;
  channel: 'case' | 'backchannel';
  alert_id: string | null;
  sender_participant_id: string;
  body: string;
  sent_at: number;
}

export interface RuleSetsTable {
  group_id: string;
  version: number;
  confidentiality: string;
  /** JSON array of `{ id, text }` in display order. */
  rules_json: string;
  created_by: string | null;
  created_at: number;
}

export interface RuleConsentsTable {
  id: string;
  participant_id: string;
  invite_id: string | null;
  group_id: string;
  version: number;
  consented_at: number;
}

export interface GroupAgendasTable {
  group_id: string;
  /** JSON array of `{ id, name, opensRules }` in order. */
  phases_json: string;
  updated_by: string | null;
  updated_at: number;
}

/** Migration 009: a session's admission settings; no row means no waiting room and unlocked. */
export interface SessionAdmissionTable {
  session_id: string;
  /** 1 when members wait to be admitted. */
  waiting_room: number;
  locked_at: number | null;
  updated_at: number;
}

/** Migration 009: who has been let into a session (admitted from the waiting room, or simply entered). */
export interface ParticipantAdmissionsTable {
  participant_id: string;
  session_id: string;
  admitted_at: number;
}

/** Migration 009: banned participants; `invite_id` refuses their link too. */
export interface ParticipantBansTable {
  participant_id: string;
  session_id: string;
  invite_id: string | null;
  banned_by: string | null;
  banned_at: number;
}

/** Migration 009: the group's waiting-room welcome text. */
export interface GroupWelcomeTable {
  group_id: string;
  welcome_text: string;
  updated_at: number;
}

/** Migration 008: rounds held per session (for the summary's count; no person attached). */
export interface FloorRoundsTable {
  id: string;
  session_id: string;
  kind: 'check_in' | 'check_out' | 'other';
  started_at: number;
  ended_at: number | null;
}

/** Migration 008: one row per turn offered (from the queue or in a round); no person attached. */
export interface FloorTurnsTable {
  id: string;
  session_id: string;
  round_id: string | null;
  given_at: number;
}

/** Migration 008: a group's wording for private nudges; no row means the defaults. */
export interface GroupNudgeWordingsTable {
  group_id: string;
  make_space: string;
  invite: string;
  updated_at: number;
}

/**
 * Migration 007: the groups' talk-time setting, kept apart from GroupsTable (whose rows the groups module
 * builds whole); 1 when each member sees a private meter of their own talk share.
 */
export interface GroupTalkSettingColumns {
  talk_members_see_own_share: ColumnType<number | null, number | null | undefined, number | null | undefined>;
}

/** Migration 007: raw talk-time intervals of a live session (deleted when it ends). */
export interface TalkIntervalsTable {
  id: string;
  session_id: string;
  participant_id: string;
  kind: 'speech' | 'presence';
  start_at: number;
  end_at: number | null;
}

/** Migration 007: each participant's talk in an ended session (kept per the group's retention). */
export interface TalkTotalsTable {
  session_id: string;
  participant_id: string;
  role: 'facilitator' | 'co_facilitator' | 'member' | 'supervisor';
  first_joined_at: number;
  talk_ms: number;
  fair_share: number;
  turns: number;
}

/** Migration 007: the group's balance sampled through a session. */
export interface TalkBalanceSamplesTable {
  session_id: string;
  at: number;
  balance: number | null;
  member_talk_ms: number;
}

/** Migration 011: a room's live state, kept only across a graceful restart (RS4). */
export interface LiveSnapshotsTable {
  session_id: string;
  /** JSON: see modules/rooms/live-snapshot.ts. */
  state: string;
  saved_at: number;
}

export interface Database {
  accounts: AccountsTable;
  auth_sessions: AuthSessionsTable;
  password_resets: PasswordResetsTable;
  facilitator_invites: FacilitatorInvitesTable;
  group_co_facilitators: GroupCoFacilitatorsTable;
  organisations: OrganisationsTable;
  organisation_members: OrganisationMembersTable;
  organisation_contacts: OrganisationContactsTable;
  groups: GroupsTable & GroupTalkSettingColumns;
  sessions: SessionsTable;
  invites: InvitesTable;
  participants: ParticipantsTable;
  distress_alerts: DistressAlertsTable;
  distress_events: DistressEventsTable;
  private_messages: PrivateMessagesTable;
  rule_sets: RuleSetsTable;
  rule_consents: RuleConsentsTable;
  group_agendas: GroupAgendasTable;
  talk_intervals: TalkIntervalsTable;
  talk_totals: TalkTotalsTable;
  talk_balance_samples: TalkBalanceSamplesTable;
  floor_rounds: FloorRoundsTable;
  floor_turns: FloorTurnsTable;
  group_nudge_wordings: GroupNudgeWordingsTable;
  session_admission: SessionAdmissionTable;
  participant_admissions: ParticipantAdmissionsTable;
  participant_bans: ParticipantBansTable;
  group_welcome: GroupWelcomeTable;
  live_snapshots: LiveSnapshotsTable;
}
