import Database from 'better-sqlite3';
import type { FuzzLedger } from './ledger.js';

/**
 * The stored side of the fuzz: every record written before the run must still be there afterwards (and,
 * for the ones nothing may change, unchanged), every record an ack said was stored must be found, and
 * every delivery to one member's socket must have been theirs to receive, by the database's own rows.
 * Read straight from the server's SQLite file (read-only, beside the running process).
 */

/** Tables whose rows nothing deletes while a session is live, with their key; `whole`: rows nothing changes. */
const tables: { name: string; key: string; whole?: true }[] = [
  { name: 'accounts', key: 'id', whole: true },
  { name: 'groups', key: 'id' },
  { name: 'sessions', key: 'id' },
  { name: 'invites', key: 'id' },
  { name: 'participants', key: 'id' },
  { name: 'distress_alerts', key: 'id' },
  { name: 'distress_events', key: 'id', whole: true },
  { name: 'private_messages', key: 'id', whole: true },
  { name: 'rule_sets', key: "group_id || ':' || version", whole: true },
  { name: 'rule_consents', key: 'id', whole: true },
  { name: 'participant_bans', key: 'participant_id' },
  { name: 'session_admission', key: 'session_id' },
  { name: 'floor_rounds', key: 'id' },
  { name: 'floor_turns', key: 'id' },
  { name: 'group_agendas', key: 'group_id' },
];

export type Snapshot = Record<string, Map<string, string>>;

export function snapshot(file: string): Snapshot {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(
      tables.map(({ name, key, whole }) => {
        const rows = db.prepare(`SELECT ${key} AS k, * FROM ${name}`).all() as ({ k: string } & Record<string, unknown>)[];
        return [name, new Map(rows.map(({ k, ...row }) => [String(k), whole ? JSON.stringify(row) : '']))];
      }),
    );
  } finally {
    db.close();
  }
}

export interface RecordCheck {
  before: number;
  lost: string[];
  changed: string[];
  ackedMissing: string[];
  wrongRecipient: string[];
}

export function checkRecords(file: string, before: Snapshot, ledger: FuzzLedger): RecordCheck {
  const after = snapshot(file);
  const lost: string[] = [];
  const changed: string[] = [];
  for (const [table, rows] of Object.entries(before)) {
    for (const [key, row] of rows) {
      const now = after[table]?.get(key);
      if (now === undefined) lost.push(`${table} ${key}`);
      else if (now !== row) changed.push(`${table} ${key}`);
    }
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const ackedMissing = ledger.acked
      .filter(({ table, id }) => !db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id))
      .map(({ table, id, command }) => `${command} acked ${id}, not in ${table}`);
    const alert = db.prepare('SELECT participant_id, opened_by, member_included_at FROM distress_alerts WHERE id = ?');
    const message = db.prepare('SELECT alert_id, channel, sent_at FROM private_messages WHERE id = ?');
    const wrongRecipient: string[] = [];
    for (const d of ledger.memberDeliveries) {
      const a = alert.get(d.alertId) as { participant_id: string; opened_by: string | null; member_included_at: number | null } | undefined;
      const why = (() => {
        if (!a) return 'no such case';
        if (a.participant_id !== d.recipient) return 'someone else\'s case';
        if (d.event === 'distress:closed' && a.opened_by !== null) return 'closed fact for a case opened about them';
        if (d.event !== 'case:message') return undefined;
        if (a.member_included_at === null) return 'staff-only case';
        const m = message.get(d.messageId ?? '') as { alert_id: string; channel: string; sent_at: number } | undefined;
        if (!m || m.alert_id !== d.alertId || m.channel !== 'case') return 'message not in this case';
        return m.sent_at < a.member_included_at ? 'written before they were brought in' : undefined;
      })();
      if (why) wrongRecipient.push(`${d.event} ${d.alertId} to ${d.recipient}: ${why}`);
    }
    return { before: Object.values(before).reduce((n, rows) => n + rows.size, 0), lost, changed, ackedMissing, wrongRecipient };
  } finally {
    db.close();
  }
}
