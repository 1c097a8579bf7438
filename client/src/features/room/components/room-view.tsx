import { useEffect, useRef } from 'react';
import { isFacilitatorRole, type Participant } from '@hearth/shared';
import type { MediaSnapshot, RemoteMedia } from '../../../media';
import { Button } from '../../../components/ui/button';
import type { CommandOutcome } from '../../../lib/socket';
import { useDocumentTitle } from '../../../lib/use-document-title';
import type { Aside } from '../hooks/use-aside';
import type { Conversations } from '../hooks/use-conversations';
import type { Distress } from '../hooks/use-distress';
import type { GroundRules as GroundRulesApi } from '../hooks/use-ground-rules';
import type { Agenda } from '../hooks/use-agenda';
import type { Floor } from '../hooks/use-floor';
import type { RoomNotice } from '../hooks/use-room-notice';
import type { MediaFlags } from '../hooks/use-room-socket';
import { canAskForSupport } from '../model/distress-state';
import { isObserver } from '../model/observer';
import type { SupportDetails } from '../model/room-state';
import { AsideContext } from './aside/aside-context';
import { AsidePanel } from './aside/aside-panel';
import { ControlsToolbar } from './controls-toolbar';
import { PrivateSupport } from './distress/private-support';
import { GroundRules } from './rules/ground-rules';
import { FloorPanel } from './floor/floor-panel';
import { SessionAgenda } from './agenda/session-agenda';
import { SupportRequestControl } from './distress/support-request-control';
import { KeyboardShortcutsHelp } from './keyboard-shortcuts-help';
import { ObserverPanel } from './observer/observer-panel';
import { ParticipantsPanel } from './participants-panel';
import { VideoGrid } from './video-grid';
import { ModerationPanel } from './moderation/moderation-panel';
import { ParticipantModeration } from './moderation/participant-moderation';
import { UnmutePrompt } from './moderation/unmute-prompt';
import type { Moderation } from './moderation/use-moderation';
import { OwnShareMeter } from './talk-time/own-share-meter';
import { TalkTimeControl } from './talk-time/talk-time-panel';
import type { TalkTime } from './talk-time/use-talk-time';

export interface RoomViewProps {
  session: { title: string; groupName: string };
  self: Participant;
  others: Participant[];
  local: MediaFlags & { stream: MediaStream | null; speaking: boolean };
  remotes: MediaSnapshot['remotes'];
  connectionNote: string | null;
  /** [SV6] A supervisor is observing: everyone in the room is told so (never who). */
  observerPresent: boolean;
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
  /** The ground-rules panel (G), a spotlighted rule, and asks to revisit (facilitators). */
  groundRules: GroundRulesApi;
  /** The session's agenda: the current phase for everyone, the controls for facilitators. */
  agenda: Agenda;
  conversations: Conversations;
  /** Hands, the floor, go-rounds and private notes. */
  floor: Floor;
  /** The group's crisis resources and (facilitators only) emergency contacts, from joining. */
  support: SupportDetails;
  /** The pull-aside: while this person is in one, the private panel replaces the group's grid. */
  aside: Aside;
  asideRemote: RemoteMedia | null;
  /** The moderation set: session controls for facilitators, the ask to unmute for the member asked. */
  moderation: Moderation;
  /** Talk time: the facilitators' panel (T), or a member's own meter when the group allows it. */
  talkTime: TalkTime;
}

/**
 * The call itself: header (with "I need support" for everyone but the facilitator), private support
 * (requests, conversations and the facilitators' channel, each only for whom it is for), video grid,
 * controls and the participants panel.
 */
export function RoomView(props: RoomViewProps) {
  const { session, self, others, local, notice, distress } = props;
  const asksForSupport = canAskForSupport(self.role);
  useDocumentTitle(session.title);
  // Joining replaced the page (and the Join button that had focus): start screen readers at the top.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const { aside } = props;
  const mine = aside.state.mine;
  return (
    <AsideContext.Provider value={aside}>
    <div className="room">
      <header className="room__header">
        <div className="room__heading">
          <h1 ref={headingRef} tabIndex={-1} className="room__title">{session.title}</h1>
          <p className="room__group">{session.groupName}</p>
          {/* Always there, so a screen reader hears each change; plain text, nothing blinks. */}
          <p className="room__connection" role="status">{props.connectionNote}</p>
          <p className="room__observer" role="status">
            {props.observerPresent ? 'An observer is present: a supervisor sees and hears the group, and does not speak or appear.' : null}
          </p>
        </div>
        {/* Last in the header and top-aligned, so it never moves when tiles or notes come and go. */}
        {asksForSupport ? (
          <SupportRequestControl member={distress.state.member} crisisResources={props.support.crisisResources} onOpen={distress.openDialog} onClose={distress.closeDialog}
            onDraftChange={distress.changeDraft} onSend={() => void distress.raise()} />
        ) : null}
      </header>
      {/* Before the call in reading order too, so a facilitator reaches a request first. */}
      {isObserver(self.role) ? (
        <ObserverPanel self={self} alerts={distress.state.alerts} conversations={props.conversations} />
      ) : (
        <PrivateSupport self={self} distress={distress} conversations={props.conversations} support={props.support} />
      )}
      <main className="room__main">
        {props.moderation.facilitator ? <ModerationPanel moderation={props.moderation} /> : <UnmutePrompt moderation={props.moderation} />}
        <SessionAgenda role={self.role} agenda={props.agenda} />
        {isFacilitatorRole(self.role) ? <TalkTimeControl talkTime={props.talkTime} /> : <OwnShareMeter own={props.talkTime.state.own} />}
        <GroundRules role={self.role} rules={props.groundRules} />
        <FloorPanel self={self} others={others} floor={props.floor} />
        {mine ? (
          <AsidePanel aside={mine} self={self} partner={others.find((p) => p.id === mine.with.id)} local={local}
            remote={props.asideRemote} returning={aside.pending === 'end'} onReturn={() => void aside.end()} />
        ) : (
          <VideoGrid self={self} others={others} local={local} remotes={props.remotes} away={aside.state.away} />
        )}
        <div className="room__controls">
          <ControlsToolbar audio={local.audio} video={local.video} onToggleMicrophone={props.onToggleMicrophone}
            onToggleCamera={props.onToggleCamera} onLeave={props.onLeave} leaving={props.leaving} observer={isObserver(self.role)} />
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
          <KeyboardShortcutsHelp supportShortcut={asksForSupport} handShortcut={!isObserver(self.role)} talkTimeShortcut={isFacilitatorRole(self.role)} />
        </div>
      </main>
      <ParticipantsPanel self={self} others={others} selfAudio={local.audio} onMute={props.onMute}
        onRemove={props.onRemove} notify={props.notify} onOpenCase={distress.openCase}
        renderActions={(p) => <ParticipantModeration participant={p} selfRole={self.role} moderation={props.moderation} />} />
    </div>
    </AsideContext.Provider>
  );
}
