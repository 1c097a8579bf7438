import type { ModerationSettings } from '@hearth/shared';
import type { Db } from '../../db/index.js';

/**
 * What the moderation set keeps beyond a restart (migration 009): a session's admission settings, who
 * has been let in, who is banned, and each group's welcome text. Waiting itself and the conversation
 * in the waiting room live in memory only: they matter only while someone is connected.
 */
export function moderationRepository(db: Db) {
  return {
    async settings(sessionId: string): Promise<ModerationSettings> {
      const row = await db.selectFrom('session_admission').select(['waiting_room', 'locked_at']).where('session_id', '=', sessionId).executeTakeFirst();
      return { waitingRoom: Number(row?.waiting_room ?? 0) === 1, locked: row?.locked_at != null };
    },

    async saveSettings(sessionId: string, settings: ModerationSettings, now: number): Promise<void> {
      const values = { waiting_room: settings.waitingRoom ? 1 : 0, locked_at: settings.locked ? now : null, updated_at: now };
      await db
        .insertInto('session_admission')
        .values({ session_id: sessionId, ...values })
        .onConflict((oc) => oc.column('session_id').doUpdateSet(values))
        .execute();
    },

    /** Whether this participant has been admitted or has entered the session before. */
    async isAdmitted(participantId: string): Promise<boolean> {
      const row = await db.selectFrom('participant_admissions').select('participant_id').where('participant_id', '=', participantId).executeTakeFirst();
      return row !== undefined;
    },

    async admit(participantId: string, sessionId: string, now: number): Promise<void> {
      await db
        .insertInto('participant_admissions')
        .values({ participant_id: participantId, session_id: sessionId, admitted_at: now })
        .onConflict((oc) => oc.column('participant_id').doNothing())
        .execute();
    },

    async ban(ban: { participantId: string; sessionId: string; inviteId: string | null; bannedBy: string }, now: number): Promise<void> {
      await db
        .insertInto('participant_bans')
        .values({ participant_id: ban.participantId, session_id: ban.sessionId, invite_id: ban.inviteId, banned_by: ban.bannedBy, banned_at: now })
        .onConflict((oc) => oc.column('participant_id').doNothing())
        .execute();
    },

    async isBanned(participantId: string): Promise<boolean> {
      const row = await db.selectFrom('participant_bans').select('participant_id').where('participant_id', '=', participantId).executeTakeFirst();
      return row !== undefined;
    },

    /** Whether a banned participant came through this invite link. */
    async isInviteBanned(inviteId: string): Promise<boolean> {
      const row = await db.selectFrom('participant_bans').select('participant_id').where('invite_id', '=', inviteId).executeTakeFirst();
      return row !== undefined;
    },

    async welcomeText(groupId: string): Promise<string | null> {
      const row = await db.selectFrom('group_welcome').select('welcome_text').where('group_id', '=', groupId).executeTakeFirst();
      return row?.welcome_text ?? null;
    },

    /** Empty or null clears it. */
    async saveWelcomeText(groupId: string, text: string | null, now: number): Promise<void> {
      const trimmed = text?.trim() ?? '';
      if (trimmed === '') {
        await db.deleteFrom('group_welcome').where('group_id', '=', groupId).execute();
        return;
      }
      await db
        .insertInto('group_welcome')
        .values({ group_id: groupId, welcome_text: trimmed, updated_at: now })
        .onConflict((oc) => oc.column('group_id').doUpdateSet({ welcome_text: trimmed, updated_at: now }))
        .execute();
    },
  };
}
export type ModerationRepository = ReturnType<typeof moderationRepository>;
