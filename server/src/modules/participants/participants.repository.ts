import type { Role } from '@hearth/shared';
import type { Db } from '../../db/index.js';
import type { ParticipantsTable } from '../../db/index.js';
import { hashToken, newId, newToken } from '../../lib/index.js';

/** A participant's standing in a session, as the handshake needs it to decide admission. */
export interface ParticipantRecord {
  id: string;
  sessionId: string;
  inviteId: string | null;
  accountId: string | null;
  role: Role;
  displayName: string;
  organisation: string | null;
  removedAt: number | null;
  sessionStatus: 'live' | 'ended';
  inviteRevokedAt: number | null;
  /** [SV6] Whether the session's group allows a supervisor to observe. */
  observationAllowed: boolean;
}

export interface NewParticipant {
  sessionId: string;
  role: Role;
  displayName: string;
  organisation: string | null;
  inviteId: string | null;
  accountId: string | null;
}

export function participantsRepository(db: Db) {
  function standingQuery() {
    return db
      .selectFrom('participants as p')
      .innerJoin('sessions as s', 's.id', 'p.session_id')
      .innerJoin('groups as g', 'g.id', 's.group_id')
      .leftJoin('invites as i', 'i.id', 'p.invite_id')
      .select([
        'p.id',
        'p.session_id',
        'p.invite_id',
        'p.account_id',
        'p.role',
        'p.display_name',
        'p.organisation',
        'p.removed_at',
        's.status as session_status',
        'i.revoked_at as invite_revoked_at',
        'g.observation_allowed',
      ]);
  }
  type StandingRow = Awaited<ReturnType<ReturnType<typeof standingQuery>['executeTakeFirst']>>;
  function toRecord(row: StandingRow): ParticipantRecord | undefined {
    if (!row) return undefined;
    return {
      id: row.id,
      sessionId: row.session_id,
      inviteId: row.invite_id,
      accountId: row.account_id,
      role: row.role,
      displayName: row.display_name,
      organisation: row.organisation,
      removedAt: row.removed_at,
      sessionStatus: row.session_status,
      inviteRevokedAt: row.invite_revoked_at ?? null,
      observationAllowed: row.observation_allowed !== 0,
    };
  }

  return {
    /** Creates the participant and returns their credential; only its hash is stored. */
    async create(input: NewParticipant, now: number, trx: Db = db): Promise<{ id: string; token: string }> {
      const token = newToken();
      const row: ParticipantsTable = {
        id: newId(),
        session_id: input.sessionId,
        invite_id: input.inviteId,
        account_id: input.accountId,
        role: input.role,
        display_name: input.displayName.trim(),
        organisation: input.organisation?.trim() || null,
        token_hash: hashToken(token),
        created_at: now,
        removed_at: null,
      };
      await trx.insertInto('participants').values(row).execute();
      return { id: row.id, token };
    },

    /** A facilitator entering again keeps their participant id; the old credential stops working. */
    async rotateForAccount(sessionId: string, accountId: string, displayName: string): Promise<{ id: string; token: string } | undefined> {
      const existing = await db
        .selectFrom('participants')
        .select('id')
        .where('session_id', '=', sessionId)
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      if (!existing) return undefined;
      const token = newToken();
      await db.updateTable('participants').set({ token_hash: hashToken(token), display_name: displayName.trim() }).where('id', '=', existing.id).execute();
      return { id: existing.id, token };
    },

    /** The same standing, read fresh by id: `room:join` checks it again, whatever the handshake saw. */
    async findById(participantId: string): Promise<ParticipantRecord | undefined> {
      return toRecord(await standingQuery().where('p.id', '=', participantId).executeTakeFirst());
    },

    async findByToken(token: string): Promise<ParticipantRecord | undefined> {
      return toRecord(await standingQuery().where('p.token_hash', '=', hashToken(token)).executeTakeFirst());
    },

    /** [CF5] The account's places in the group's live sessions that still stand. */
    async liveOfAccountInGroup(groupId: string, accountId: string): Promise<{ id: string; sessionId: string }[]> {
      const rows = await db
        .selectFrom('participants as p')
        .innerJoin('sessions as s', 's.id', 'p.session_id')
        .select(['p.id', 'p.session_id'])
        .where('s.group_id', '=', groupId)
        .where('s.status', '=', 'live')
        .where('p.account_id', '=', accountId)
        .where('p.removed_at', 'is', null)
        .execute();
      return rows.map((row) => ({ id: row.id, sessionId: row.session_id }));
    },

    /**
     * [CF5] A co-facilitator added back to the group may enter its live sessions again: their places there stand
     * again, except where they were banned (a ban is the session's own decision, not the group's).
     */
    async restoreAccountInGroup(groupId: string, accountId: string): Promise<void> {
      await db
        .updateTable('participants')
        .set({ removed_at: null })
        .where('account_id', '=', accountId)
        .where('session_id', 'in', db.selectFrom('sessions').select('id').where('group_id', '=', groupId).where('status', '=', 'live'))
        .where('id', 'not in', db.selectFrom('participant_bans').select('participant_id'))
        .execute();
    },

    async markRemoved(participantId: string, now: number): Promise<void> {
      await db.updateTable('participants').set({ removed_at: now }).where('id', '=', participantId).execute();
    },

    /**
     * [RM8] The names of the session's facilitators: the group's own and its co-facilitators' accounts (entered or
     * not), and the co-facilitators in the session.
     * Not the hidden supervisor's: refusing a member their name would tell them an observer is there [SV1].
     */
    async staffNames(sessionId: string): Promise<string[]> {
      const owner = await db
        .selectFrom('sessions as s')
        .innerJoin('groups as g', 'g.id', 's.group_id')
        .innerJoin('accounts as a', 'a.id', 'g.owner_account_id')
        .select('a.display_name')
        .where('s.id', '=', sessionId)
        .executeTakeFirst();
      const staff = await db
        .selectFrom('participants')
        .select('display_name')
        .where('session_id', '=', sessionId)
        .where('role', 'in', ['facilitator', 'co_facilitator'])
        .where('removed_at', 'is', null)
        .execute();
      // [CF4] The group's co-facilitators with accounts too, entered or not, like its host.
      const coFacilitators = await db
        .selectFrom('sessions as s')
        .innerJoin('group_co_facilitators as c', 'c.group_id', 's.group_id')
        .innerJoin('accounts as a', 'a.id', 'c.account_id')
        .select('a.display_name')
        .where('s.id', '=', sessionId)
        .execute();
      return [...(owner ? [owner.display_name] : []), ...coFacilitators.map((row) => row.display_name), ...staff.map((row) => row.display_name)];
    },

    async updateDisplayName(participantId: string, displayName: string): Promise<void> {
      await db.updateTable('participants').set({ display_name: displayName.trim() }).where('id', '=', participantId).execute();
    },
  };
}
export type ParticipantsRepository = ReturnType<typeof participantsRepository>;
