import type { ConversationAnnouncement } from './conversations-state';

/**
 * Reads out new private messages politely (it waits for the screen reader to finish). Safe for every
 * role: it only ever holds messages the server sent to this person. Always in the page, as screen
 * readers only announce changes to live regions that already exist; a new node per message, so the
 * same words twice are read twice.
 */
export function ConversationAnnouncer({ announcement }: { announcement: ConversationAnnouncement | null }) {
  return (
    <div aria-live="polite" className="visually-hidden">
      {announcement ? <p key={announcement.seq}>{announcement.text}</p> : null}
    </div>
  );
}
