/** Quiet reactions: four fixed words shown briefly beside a person, off by group setting. Depends on the session. */
export { ReactionsProvider, useReactions } from './reactions-context';
export { ReactionBadge, ReactionBar } from './reaction-bar';
