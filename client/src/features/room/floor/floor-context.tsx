/**
 * The floor part of the room: hands (R), the floor, go-rounds and private notes. The server decides who
 * hears what (a member gets only their own hand; facilitators the queue).
 */
import type { ReactNode } from 'react';
import { isObserver } from '../media';
import { createPartContext } from '../session';
import { useRoomSession, useRoomShortcut } from '../session';
import { useFloorState, type Floor } from './use-floor';

const [Provider, useFloorContext] = createPartContext<Floor>('The floor');

/** Hands, the floor and rounds; throws outside <FloorProvider>. */
export const useFloor = useFloorContext;

export function FloorProvider({ children }: { children: ReactNode }) {
  const { state, command, listen } = useRoomSession();
  const inRoom = state.phase.kind === 'in-room' || state.phase.kind === 'reconnecting';
  const floor = useFloorState({ inRoom, self: state.self, others: state.others, command, listen });
  // R, not H: H already asks for support, which must stay one key away. The supervisor has no hand.
  useRoomShortcut('r', state.self && !isObserver(state.self.role) ? () => void floor.toggleHand() : null);
  return <Provider value={floor}>{children}</Provider>;
}
