import { useEffect, useRef } from 'react';
import { isFacilitatorRole } from '@hearth/shared';
import { Button } from '../../components/ui/button';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Stage } from './aside';
import { ChatPanel } from './chat';
import { canAskForSupport, SupportColumn, SupportRequestButton } from './distress';
import { FloorPanel } from './floor';
import { KeyboardShortcutsHelp } from './keyboard-shortcuts-help';
import { ControlsToolbar, isObserver, observerIsPresent, useRoomMedia } from './media';
import { SessionControls } from './moderation';
import { ParticipantsPanel } from './participants';
import { ReactionBar } from './reactions';
import { GroundRules, SessionAgenda } from './rules';
import { useRoomCall, useRoomSession } from './session';
import { TalkTime } from './talk-time';

/**
 * The call itself, laid out from the room's parts (each reads the session and its own part): header
 * (with "I need support" for everyone but the facilitator), private support (requests, conversations
 * and the facilitators' channel, each only for whom it is for), the session controls, agenda, talk time,
 * ground rules and floor, the stage, controls, the group chat and the participants panel.
 */
export function RoomView() {
  const { self, others, session } = useRoomCall();
  const { state, notice, dismissNotice, leave, leaving } = useRoomSession();
  const media = useRoomMedia();
  const asksForSupport = canAskForSupport(self.role);
  useDocumentTitle(session.title);
  // Joining replaced the page (and the Join button that had focus): start screen readers at the top.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  let connectionNote: string | null = null;
  if (state.phase.kind === 'reconnecting') {
    connectionNote = state.phase.restarting ? 'The server is restarting. Reconnecting…' : 'Connection lost. Reconnecting…';
  }
  else if (media.failed) connectionNote = 'Audio and video are not connected. Leaving and rejoining usually helps.';
  else if (!media.connection || media.snapshot.status === 'connecting') connectionNote = 'Connecting audio and video…';

  return (
    <div className="room">
      <header className="room__header">
        <div className="room__heading">
          <h1 ref={headingRef} tabIndex={-1} className="room__title">{session.title}</h1>
          <p className="room__group">{session.groupName}</p>
          {/* Always there, so a screen reader hears each change; plain text, nothing blinks. */}
          <p className="room__connection" role="status">{connectionNote}</p>
          {/* [SV6] A supervisor is observing: everyone in the room is told so (never who). */}
          <p className="room__observer" role="status">
            {observerIsPresent(self.role, others, state.hiddenMediaPeers) ? 'An observer is present: a supervisor sees and hears the group, and does not speak or appear.' : null}
          </p>
          {/* [LE2] Said only while this browser really encrypts (the connection reports it), for everyone. */}
          <p className="room__encryption" role="status">
            {media.snapshot.encrypted ? 'Media is end-to-end encrypted: only the people in this room can see and hear it.' : null}
          </p>
        </div>
        {/* Last in the header and top-aligned, so it never moves when tiles or notes come and go. */}
        <SupportRequestButton />
      </header>
      {/* Before the call in reading order too, so a facilitator reaches a request first. */}
      <SupportColumn />
      <main className="room__main">
        <SessionControls />
        <SessionAgenda />
        <TalkTime />
        <GroundRules />
        <FloorPanel />
        <Stage />
        <ReactionBar />
        <div className="room__controls">
          <ControlsToolbar audio={media.local.audio} video={media.local.video} onToggleMicrophone={() => media.toggleMicrophone()}
            onToggleCamera={() => media.toggleCamera()} onLeave={() => void leave()} leaving={leaving} observer={isObserver(self.role)} />
          <div className="room__notice">
            {/* Always present, so screen readers announce each new message. */}
            <p role="status" className="room__notice-text">
              {notice?.text ?? ''}
            </p>
            {notice?.persistent ? (
              <Button variant="quiet" onClick={dismissNotice}>
                Dismiss
              </Button>
            ) : null}
          </div>
          <KeyboardShortcutsHelp supportShortcut={asksForSupport} handShortcut={!isObserver(self.role)} talkTimeShortcut={isFacilitatorRole(self.role)} />
        </div>
        <ChatPanel />
      </main>
      <ParticipantsPanel />
    </div>
  );
}
