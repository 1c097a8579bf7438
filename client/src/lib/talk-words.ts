/**
 * How talk time reads, in the room's facilitator panel and on the dashboard's summary: durations and
 * shares in plain words, and the balance figure with a calm reading. Never a verdict on a person, no
 * ranking words; the readings describe the group. Pure, so the wording can be tested on its own.
 */

/** "0 s", "45 s", "3 min 05 s", "1 h 02 min". */
export function durationWords(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** A share as a whole percentage ("—" while nobody has spoken). */
export function percentWords(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** How the group's balance reads, as a band (so a screen reader is told only when the band changes). */
export function balanceReading(balance: number | null): string {
  if (balance === null) return 'Not enough talk yet to say how it is shared.';
  if (balance >= 0.9) return 'Talk is shared evenly.';
  if (balance >= 0.75) return 'Talk is fairly evenly shared.';
  if (balance >= 0.5) return 'A few voices are carrying most of the talk.';
  return 'One or two voices are carrying most of the talk.';
}

/** The balance as a figure out of 100, with its reading. */
export function balanceWords(balance: number | null): string {
  return balance === null ? balanceReading(null) : `${Math.round(balance * 100)} out of 100. ${balanceReading(balance)}`;
}

/** Share against fair share, in words (for the text beside each calm bar). */
export function shareAgainstFairWords(share: number | null, fairShare: number): string {
  return `${percentWords(share)} of member talk; an even share would be ${percentWords(fairShare)}`;
}
