/**
 * The talk-time part of the room: this person's own speech, measured on their microphone and reported
 * (use-talk-report.ts; kept through a reconnect: what could not be sent meanwhile goes with the next
 * report), and the figures the server sends back: the facilitators' panel (T) or a member's own meter.
 */
import { useEffect, type ReactNode } from 'react';
import { isFacilitatorRole } from '@hearth/shared';
import { useRoomMedia } from '../media';
import { createPartContext } from '../session';
import { useRoomSession, useRoomShortcut } from '../session';
import { useTalkReport } from './use-talk-report';
import { useTalkTimeState, type TalkTime } from './use-talk-time';

const [Provider, useTalkTimeContext] = createPartContext<TalkTime>('Talk time');

/** Talk-time figures; throws outside <TalkTimeProvider>. */
export const useTalkTime = useTalkTimeContext;

export function TalkTimeProvider({ children }: { children: ReactNode }) {
  const { state, command, listen, flagsRef } = useRoomSession();
  const { localStream, observing, onMicrophoneToggle } = useRoomMedia();
  const { beforeMicrophoneToggle } = useTalkReport({
    active: (state.phase.kind === 'in-room' || state.phase.kind === 'reconnecting') && !observing,
    microphone: localStream.getAudioTracks()[0] ?? null,
    flagsRef,
    command,
  });
  // Turning the microphone off ends this person's speech at the press, not when the device stops.
  useEffect(() => onMicrophoneToggle(beforeMicrophoneToggle), [onMicrophoneToggle, beforeMicrophoneToggle]);
  const talkTime = useTalkTimeState({ command, listen });
  // The facilitators' panel only (members never receive the figures).
  useRoomShortcut('t', state.self && isFacilitatorRole(state.self.role) ? talkTime.toggle : null);
  return <Provider value={talkTime}>{children}</Provider>;
}
