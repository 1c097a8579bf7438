/**
 * This person's own request for support, as a pure reducer (no sockets, no React), so every step a
 * distressed member may take can be tested in a table. [DS16] One tap sends: the first press of
 * "I need support" raises a request at the default level at once and opens a follow-up panel where the
 * level and a note may follow (`distress:amend`, DS15); nothing there is required.
 *
 * Invariants: a press while a request is open (or being sent) never sends a second one, it only shows
 * the panel again; a failed send or amend keeps everything the person chose and typed, and a retry sends
 * all of it; only `distress:closed` (DS13) ends a request, and the next press after that starts a new one
 * at the default level.
 */
import { DistressNoteSchema, maxLengthOf, type CommandResult, type DistressLevel, type FactPayload } from '@hearth/shared';
import type { ClientError } from '../../../lib/errors';

export const NOTE_MAX_LENGTH = maxLengthOf(DistressNoteSchema);

export interface DistressDraft {
  level: DistressLevel;
  note: string;
}

/** What the first tap sends: the gentlest level, no note (the person can say more once it is sent). */
export const emptyDraft: DistressDraft = { level: 'struggling', note: '' };

export interface OwnRequest {
  alertId: string;
  raisedAt: number;
  /** When a facilitator acknowledged it (the `distress:seen` fact), or null while waiting. */
  seenAt: number | null;
  /** The group's crisis lines, shown privately to the person at once (null if the group has none). */
  crisisResources: string | null;
  /** The level and note as the server has them now ('' for no note), so only a change is sent. */
  level: DistressLevel;
  note: string;
  /** The person added to it after the first tap (an amend the server confirmed). */
  added?: true;
  /** [DS13] A facilitator closed the request (`distress:closed`). Absent until then. */
  closed?: true;
}

export interface MemberSide {
  /** The follow-up panel under the button ("Add to your request"). */
  panelOpen: boolean;
  /** Goes up on every press, so the panel can take focus again even when it is already open. */
  taps: number;
  /** What the panel shows: the request's level and note, as the person is changing them. */
  draft: DistressDraft;
  /** The request itself is on its way (`distress:raise`). */
  sending: boolean;
  /** The last failure to send the request; cleared by the next attempt or success. */
  error: ClientError | null;
  /** A change to the open request is on its way (`distress:amend`). */
  amending: boolean;
  /** The last failure to send a change; the request itself is safe. */
  amendError: ClientError | null;
  /** The latest request the server confirmed it stored. */
  sent: OwnRequest | null;
  /**
   * `distress:seen` facts for ids not confirmed yet. The ack and the fact travel separately, so a
   * quick facilitator could in principle be heard before the ack; the fact must not be lost then.
   */
  seenEarly: Readonly<Record<string, number>>;
}

export type RaisePayload = { level: DistressLevel; note?: string };
export type AmendPayload = { alertId: string; level?: DistressLevel; note?: string };

export type OwnRequestAction =
  /** "I need support" pressed (button, Enter/Space, or H). The hook sends too when `tapSends` says so. */
  | { type: 'tapped' }
  | { type: 'panel-closed' }
  | { type: 'draft-changed'; draft: Partial<DistressDraft> }
  | { type: 'send-started' }
  | { type: 'send-failed'; error: ClientError }
  | { type: 'send-succeeded'; result: CommandResult<'distress:raise'>; payload: RaisePayload }
  | { type: 'amend-started' }
  | { type: 'amend-failed'; error: ClientError }
  | { type: 'amend-succeeded'; payload: AmendPayload }
  | { type: 'seen'; fact: FactPayload<'distress:seen'> }
  | { type: 'closed'; alertId: string };

export const initialMemberSide: MemberSide = {
  panelOpen: false, taps: 0, draft: emptyDraft, sending: false, error: null, amending: false, amendError: null, sent: null, seenEarly: {},
};

/** The request is still open: a press shows it again instead of sending another one. */
export function hasOpenRequest(member: MemberSide): boolean {
  return member.sent !== null && !member.sent.closed;
}

/** [DS16] Whether a press of "I need support" sends a request now (or only shows the one there is). */
export function tapSends(member: MemberSide): boolean {
  return !member.sending && !hasOpenRequest(member);
}

export function ownRequestReducer(member: MemberSide, action: OwnRequestAction): MemberSide {
  switch (action.type) {
    case 'tapped':
      return { ...member, panelOpen: true, taps: member.taps + 1 };
    case 'panel-closed':
      // The draft stays: closing by mistake (or to hide the screen quickly) must not lose what was typed.
      return { ...member, panelOpen: false };
    case 'draft-changed':
      return { ...member, draft: { ...member.draft, ...action.draft } };
    case 'send-started':
      return { ...member, sending: true, error: null };
    case 'send-failed':
      return { ...member, sending: false, error: action.error };
    case 'send-succeeded': {
      const { alertId, raisedAt, crisisResources } = action.result;
      const seenAt = member.seenEarly[alertId] ?? null;
      const { level, note = '' } = action.payload;
      // The draft is left as it is: anything chosen or typed while the tap was on its way still differs
      // from what was sent, so "Add to my request" sends exactly that. Older held-back facts are dropped.
      return {
        ...member, sending: false, error: null, amendError: null, seenEarly: {},
        sent: { alertId, raisedAt, seenAt, crisisResources, level, note },
      };
    }
    case 'amend-started':
      return { ...member, amending: true, amendError: null };
    case 'amend-failed':
      return { ...member, amending: false, amendError: action.error };
    case 'amend-succeeded': {
      const { sent } = member;
      if (!sent || sent.alertId !== action.payload.alertId) return { ...member, amending: false };
      const level = action.payload.level ?? sent.level;
      const note = action.payload.note ?? sent.note;
      // Done: the panel folds away and the status line says it was added (the button opens it again).
      return { ...member, amending: false, amendError: null, panelOpen: false, draft: { level, note }, sent: { ...sent, level, note, added: true } };
    }
    case 'seen': {
      const { alertId, at } = action.fact;
      const { sent } = member;
      if (sent?.alertId === alertId) return sent.seenAt === null ? { ...member, sent: { ...sent, seenAt: at } } : member;
      // Only while a send is in flight can this be the answer to it; otherwise it is about an older request.
      if (!member.sending) return member;
      return { ...member, seenEarly: { ...member.seenEarly, [alertId]: at } };
    }
    case 'closed': {
      const { sent } = member;
      if (sent?.alertId !== action.alertId || sent.closed) return member;
      // Nothing is left to add to; the next press starts a new request at the default level.
      return { ...member, sent: { ...sent, closed: true }, panelOpen: false, draft: emptyDraft, amendError: null };
    }
  }
}

/**
 * The member's private status line near "I need support" (a polite live region): the one place that
 * always says whether the request got through, open panel or not, so nobody believes a lost one arrived.
 */
export function memberStatusText(member: MemberSide): string {
  if (member.sending) return 'Sending privately…';
  if (member.error) return 'Your request was not sent. Please try again.';
  if (!member.sent) return '';
  if (member.sent.closed) return 'Your facilitators have closed this request. If you need support again, press “I need support”.';
  const where = member.sent.seenAt === null ? 'Sent privately to your facilitators.' : 'A facilitator has seen your request.';
  return member.sent.added ? `${where} What you added was sent too.` : where;
}

/** The note as the protocol wants it: trimmed, at most the schema's length ('' when empty). */
function cleanNote(note: string): string {
  return note.trim().slice(0, NOTE_MAX_LENGTH);
}

/** The request as the protocol wants it; the note left out when empty. */
export function raisePayload(draft: DistressDraft): RaisePayload {
  const note = cleanNote(draft.note);
  return note ? { level: draft.level, note } : { level: draft.level };
}

/**
 * Only what changed since the server last confirmed the request, or null when nothing did. A note
 * replaces the earlier one (the panel shows it, to edit); an emptied note is not sent (the protocol keeps a note once given).
 */
export function amendPayload(draft: DistressDraft, sent: OwnRequest): AmendPayload | null {
  const note = cleanNote(draft.note);
  const change = {
    ...(draft.level !== sent.level ? { level: draft.level } : {}),
    ...(note && note !== sent.note ? { note } : {}),
  };
  return Object.keys(change).length > 0 ? { alertId: sent.alertId, ...change } : null;
}
