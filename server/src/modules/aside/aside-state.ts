/**
 * Pull-asides of one session as pure functions over a list (no clock, no sockets), so the rules are
 * tested without a server. Invariants:
 * - [PA3] a participant is in at most one aside at a time, and never in one with themselves;
 * - [PA4] the aside signalling channel is open only between the two people of one active aside.
 */
export interface Aside {
  id: string;
  /** The support request it belongs to; never sent to the member (they may not know of it). */
  alertId: string;
  memberId: string;
  facilitatorId: string;
  startedAt: number;
}

export type StartCheck = { ok: true } | { ok: false; code: 'conflict' | 'not_allowed'; message: string };

export function asideOf(asides: readonly Aside[], participantId: string): Aside | undefined {
  return asides.find((a) => a.memberId === participantId || a.facilitatorId === participantId);
}

export function isPair(asides: readonly Aside[], a: string, b: string): boolean {
  const aside = asideOf(asides, a);
  return a !== b && aside !== undefined && (aside.memberId === b || aside.facilitatorId === b);
}

/** The other person in `aside`, seen from `participantId`. */
export function partnerOf(aside: Aside, participantId: string): string {
  return aside.memberId === participantId ? aside.facilitatorId : aside.memberId;
}

export function canStart(asides: readonly Aside[], memberId: string, facilitatorId: string): StartCheck {
  if (memberId === facilitatorId) return { ok: false, code: 'not_allowed', message: 'You cannot take yourself aside.' };
  if (asideOf(asides, facilitatorId)) return { ok: false, code: 'conflict', message: 'You are already in a private conversation.' };
  if (asideOf(asides, memberId)) return { ok: false, code: 'conflict', message: 'They are already in a private conversation.' };
  return { ok: true };
}

/** Everyone away for a moment, in a stable order (so an unchanged list compares equal). */
export function awayIds(asides: readonly Aside[]): string[] {
  return asides.flatMap((a) => [a.memberId, a.facilitatorId]).sort();
}
