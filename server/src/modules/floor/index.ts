/**
 * Front door of `floor`: hands, the floor, go-rounds and nudges (spec FL). Pure: round-state.ts (clock
 * passed in) and the queue order in shared/; in memory per live session: floor-board.ts. Who hears what is
 * floor-events.ts [FL2]. Subscribes to departures and to talk time's speaking; gives room:join the unmute
 * refusal under floor control [FL5] and the floor on joining.
 */
export { FloorBoard, hasHand, lowerHand, raiseHand, type Hand, type PendingNudge, type SessionFloor } from './floor-board.js';
export { finishTurn, passTurn, reorderRound, roundSpeakers, roundView, skipTurn, startRound, turnLeftMs, withoutParticipant, type Round, type RoundSettings, type RoundStep } from './round-state.js';
export { type FloorRepository } from './floor.repository.js';
