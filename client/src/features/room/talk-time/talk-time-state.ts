/**
 * The talk-time view's state in the room: the facilitators' live figures (`talk:stats`), a member's own
 * share (`talk:own-share`, only when the group allows it), whether the panel is open, and what to read
 * out. Announcements are for meaningful changes only (someone speaks for the first time, the balance
 * moves into another band), never for each second's update. Pure.
 */
import type { OwnTalkShare, TalkStats } from '@hearth/shared';
import { balanceReading } from '../../../lib/talk-words';

export interface TalkTimeState {
  stats: TalkStats | null;
  own: OwnTalkShare | null;
  open: boolean;
  announcement: string;
}

export const initialTalkTimeState: TalkTimeState = { stats: null, own: null, open: false, announcement: '' };

export type TalkTimeAction =
  | { type: 'stats'; stats: TalkStats }
  | { type: 'own'; own: OwnTalkShare | null }
  | { type: 'toggle' }
  | { type: 'close' };

export function talkTimeReducer(state: TalkTimeState, action: TalkTimeAction): TalkTimeState {
  switch (action.type) {
    case 'stats': {
      const text = state.open ? announcementFor(state.stats, action.stats) : '';
      return { ...state, stats: action.stats, announcement: text || state.announcement };
    }
    case 'own':
      return { ...state, own: action.own };
    case 'toggle':
      return { ...state, open: !state.open, announcement: '' };
    case 'close':
      return { ...state, open: false, announcement: '' };
  }
}

/** What changed that is worth saying aloud between two updates ('' for nothing). */
export function announcementFor(before: TalkStats | null, after: TalkStats): string {
  if (!before) return '';
  const firstTimers = after.members.filter((m) => before.notSpokenYet.includes(m.participantId) && m.talkMs > 0).map((m) => m.displayName);
  const parts: string[] = [];
  if (firstTimers.length > 0) parts.push(`${firstTimers.join(', ')} ${firstTimers.length === 1 ? 'has' : 'have'} spoken for the first time.`);
  const reading = balanceReading(after.balance);
  if (reading !== balanceReading(before.balance)) parts.push(reading);
  return parts.join(' ');
}
