/**
 * Front door of `aside`: pull-asides [PA1]-[PA5]: pure rules (aside-state.ts), the live registry, and the
 * facts of an aside (only the two hear it is private; the room hears only who is away). Ends an aside
 * when either person departs (RoomRegistry.onDeparture).
 */
export { asideOf, awayIds, canStart, isPair, partnerOf, type Aside, type StartCheck } from './aside-state.js';
export { AsideRegistry } from './aside-registry.js';
