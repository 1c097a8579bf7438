import type { HandOrder } from './floor.js';

/**
 * The order of raised hands, pure with the clock passed in: the server uses it for members' places, the
 * facilitator's client for the queue it shows (recomputed as time passes, so "waiting 2 min" stays true).
 *
 * Fair order weighs how long each hand has waited against how much its owner has already spoken:
 * priority = waited − SPOKEN_WEIGHT × spoken, so each minute someone has spoken costs them half a minute
 * of waiting. Ties go to the hand raised first: `hands` must come in the order they were raised (the floor
 * board keeps them so, and so do the live snapshot and the queue sent to facilitators). Every position
 * carries its reason in words; there is no score or ranking of people shown, only why this hand sits where
 * it does.
 */
export const SPOKEN_WEIGHT = 0.5;

export interface HandForOrder {
  participantId: string;
  raisedAt: number;
  spokenMs: number;
}

export interface OrderedHand<H extends HandForOrder = HandForOrder> {
  hand: H;
  /** 1 = next. */
  place: number;
  waitedMs: number;
  reason: string;
}

export function orderHands<H extends HandForOrder>(hands: readonly H[], order: HandOrder, now: number): OrderedHand<H>[] {
  const waited = (h: H) => Math.max(0, now - h.raisedAt);
  // Equal times (two hands in the same millisecond) keep the order given: sort is stable and callers pass
  // hands in the order they were raised, so the hand that arrived first stays first.
  const byRaise = (a: H, b: H) => a.raisedAt - b.raisedAt;
  const sorted = [...hands].sort(
    order === 'fair' ? (a, b) => priority(b, waited(b)) - priority(a, waited(a)) || byRaise(a, b) : byRaise,
  );
  const spoken = hands.map((h) => h.spokenMs);
  const least = Math.min(...spoken);
  const most = Math.max(...spoken);
  return sorted.map((hand, index) => ({
    hand,
    place: index + 1,
    waitedMs: waited(hand),
    reason: `waiting ${duration(waited(hand))} · ${talkPhrase(hand.spokenMs, least, most, hands.length)}`,
  }));
}

function priority(hand: HandForOrder, waitedMs: number): number {
  return waitedMs - SPOKEN_WEIGHT * hand.spokenMs;
}

function talkPhrase(spokenMs: number, least: number, most: number, count: number): string {
  if (spokenMs < 1000) return 'has not spoken yet';
  if (count > 1 && least !== most && spokenMs === least) return 'has spoken least';
  if (count > 1 && least !== most && spokenMs === most) return 'has spoken most';
  return `has spoken ${duration(spokenMs)}`;
}

/** "less than a minute", "1 min", "12 min". Minutes are enough for a facilitator's glance. */
export function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  return minutes < 1 ? 'less than a minute' : `${minutes} min`;
}
