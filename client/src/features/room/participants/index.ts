/** Who is here, with each row's moderation and support actions for facilitators. Depends on moderation, distress, media and the session. */
export { ParticipantsPanel } from './participants-panel';
