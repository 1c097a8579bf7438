/** Talk time: measuring one's own speech, the facilitators' panel (T) and a member's own meter. Depends on media and the session. */
export { TalkTimeProvider, useTalkTime } from './talk-time-context';
export { TalkTime } from './talk-time-slot';
