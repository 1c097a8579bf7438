/**
 * The moderation part of the room: the session controls and waiting list (facilitators), Mute and
 * Remove, the ask to unmute (the member asked), and what a facilitator's mute does here. [MD1] Nothing
 * here turns anyone's microphone or camera on but the person's own Unmute.
 */
import { useEffect, type ReactNode } from 'react';
import { useRoomMedia } from '../media';
import { createPartContext } from '../session';
import { useRoomSession } from '../session';
import { mutedAnnouncement } from './moderation-words';
import { useModerationState, type Moderation } from './use-moderation';

const [Provider, useModerationContext] = createPartContext<Moderation>('Moderation');

/** The moderation set; throws outside <ModerationProvider>. */
export const useModeration = useModerationContext;

export function ModerationProvider({ children }: { children: ReactNode }) {
  const { state, command, listen, notify, noteParticipant, noteParticipantLeft, flagsRef } = useRoomSession();
  const { toggleCamera, toggleMicrophone, applyRemoteMute } = useRoomMedia();
  const moderation = useModerationState({
    self: state.self, inRoom: state.phase.kind === 'in-room', command, listen, notify, noteParticipant, noteParticipantLeft,
    onVideoStopped: () => {
      if (flagsRef.current.video) toggleCamera();
    },
    onUnmuteSelf: () => {
      if (!flagsRef.current.audio) toggleMicrophone();
    },
  });

  // A facilitator muted us: stop sending, and say so calmly until the person unmutes or dismisses.
  const { lastMutedBy } = state;
  useEffect(() => {
    if (!lastMutedBy) return;
    applyRemoteMute();
    notify(mutedAnnouncement(lastMutedBy.by.displayName, lastMutedBy.everyone === true, lastMutedBy.floor === true), true);
  }, [lastMutedBy, applyRemoteMute, notify]);

  return <Provider value={moderation}>{children}</Provider>;
}
