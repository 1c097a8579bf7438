import { useEffect, useRef } from 'react';
import { isFacilitatorRole, type Participant } from '@hearth/shared';
import type { MediaSnapshot } from '../../../media';
import { Button } from '../../../components/ui/button';
import type { CommandOutcome } from '../../../lib/socket';
import { useDocumentTitle } from '../../../lib/use-document-title';
import type { Distress } from '../hooks/use-distress';
import type { RoomNotice } from '../hooks/use-room-notice';
import type { MediaFlags } from '../hooks/use-room-socket';
import { canAskForSupport } from '../model/distress-state';
import { ControlsToolbar } from './controls-toolbar';
import { SupportRequestControl } from './distress/support-request-control';
import { SupportRequests } from './distress/support-requests';
import { KeyboardShortcutsHelp } from './keyboard-shortcuts-help';
import { ParticipantsPanel } from './participants-panel';
import { VideoGrid } from './video-grid';

export interface RoomViewProps {
  session: { title: string; groupName: string };
  self: Participant;
  others: Participant[];
  local: MediaFlags & { stream: MediaStream | null; speaking: boolean };
  remotes: MediaSnapshot['remotes'];
  connectionNote: string | null;
  notice: RoomNotice | null;
  onDismissNotice: () => void;
  leaving: boolean;
  onToggleMicrophone: () => void;
  onToggleCamera: () => void;
  onLeave: () => void;
  onMute: (participantId: string) => Promise<CommandOutcome<'moderation:mute'>>;
  onRemove: (participantId: string) => Promise<CommandOutcome<'moderation:remove'>>;
  notify: (text: string) => void;
  distress: Distress;
}

/**
 * The call itself: header (with "I need support" for everyone but the facilitator), support requests
 * for facilitators, video grid, controls and the participants panel.
 */
export function RoomView(props: RoomViewProps) {
  const { session, self, others, local, notice, distress } = props;
  const asksForSupport = canAskForSupport(self.role);
  useDocumentTitle(session.title);
  // Joining replaced the page (and the Join button that had focus): start screen readers at the top.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="room">
      <header className="room__header">
        <div className="room__heading">
          <h1 ref={headingRef} tabIndex={-1} className="room__title">{session.title}</h1>
          <p className="room__group">{session.groupName}</p>
          {props.connectionNote ? <p className="room__connection">{props.connectionNote}</p> : null}
        </div>
        {/* Last in the header and top-aligned, so it never moves when tiles or notes come and go. */}
        {asksForSupport ? (
          <SupportRequestControl member={distress.state.member} onOpen={distress.openDialog} onClose={distress.closeDialog}
            onDraftChange={distress.changeDraft} onSend={() => void distress.raise()} />
        ) : null}
      </header>
      {/* Before the call in reading order too, so a facilitator reaches a request first. */}
      {isFacilitatorRole(self.role) ? (
        <SupportRequests alerts={distress.state.alerts} announcement={distress.state.announcement} onAcknowledge={distress.acknowledge} />
      ) : null}
      <main className="room__main">
        <VideoGrid self={self} others={others} local={local} remotes={props.remotes} />
        <div className="room__controls">
          <ControlsToolbar audio={local.audio} video={local.video} onToggleMicrophone={props.onToggleMicrophone}
            onToggleCamera={props.onToggleCamera} onLeave={props.onLeave} leaving={props.leaving} />
          <div className="room__notice">
            {/* Always present, so screen readers announce each new message. */}
            <p role="status" className="room__notice-text">
              {notice?.text ?? ''}
            </p>
            {notice?.persistent ? (
              <Button variant="quiet" onClick={props.onDismissNotice}>
                Dismiss
              </Button>
            ) : null}
          </div>
          <KeyboardShortcutsHelp supportShortcut={asksForSupport} />
        </div>
      </main>
      <ParticipantsPanel self={self} others={others} selfAudio={local.audio} onMute={props.onMute}
        onRemove={props.onRemove} notify={props.notify} />
    </div>
  );
}
