/**
 * The room feature's entry, loaded lazily (with socket.io-client and the media layer) only once a
 * person presses Join. Wires the socket (who is here), the media connection (what is seen and
 * heard) and the person's own controls, and shows the moment they are in: joining, in the call,
 * left, closed or refused.
 */
import { useCallback, useEffect, useState } from 'react';
import { isFacilitatorRole, type RoomCredential } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { useAside } from '../hooks/use-aside';
import { useFloor } from '../hooks/use-floor';
import { useConversations } from '../hooks/use-conversations';
import { useDistress } from '../hooks/use-distress';
import { useGroundRules } from '../hooks/use-ground-rules';
import { useAgenda } from '../hooks/use-agenda';
import { useKeyboardShortcuts } from '../hooks/use-keyboard-shortcuts';
import { useLocalControls } from '../hooks/use-local-controls';
import { useLossRecovery } from '../hooks/use-loss-recovery';
import { useMediaFlags } from '../hooks/use-media-flags';
import { useRoomMedia } from '../hooks/use-room-media';
import { useRoomNotice } from '../hooks/use-room-notice';
import { useRoomSocket, type MediaFlags } from '../hooks/use-room-socket';
import { useTalkReport } from '../hooks/use-talk-report';
import { canAskForSupport } from '../model/distress-state';
import { closedMessage, refusedMessage, type RoomExitMessage } from '../model/room-messages';
import { isObserver, observerIsPresent } from '../model/observer';
import { isFinished, orderedParticipants } from '../model/room-state';
import { RoomMessage } from './room-message';
import { mutedAnnouncement } from './moderation/moderation-words';
import { useModeration } from './moderation/use-moderation';
import { WaitingRoom } from './moderation/waiting-room';
import { RoomView } from './room-view';
import { useTalkTime } from './talk-time/use-talk-time';
import '../../../styles/room.css';

export interface RoomPageProps {
  credential: RoomCredential;
  displayName: string;
  /** Acquired on the pre-join screen. */
  localStream: MediaStream;
  initial: MediaFlags;
  /** Join again with fresh devices (after Leave, or a recoverable refusal). */
  onRejoin: (flags: MediaFlags) => void;
  /** Back to the pre-join screen (the credential was not accepted; a new one is needed). */
  onReturnToPreJoin: () => void;
  /** The stored credential will never work again (removed, ended, revoked). */
  onCredentialRejected: () => void;
}

export function RoomPage(props: RoomPageProps) {
  const { flags, flagsRef, commit } = useMediaFlags(props.initial);
  const { notice, show: notify, dismiss } = useRoomNotice();
  const room = useRoomSocket({
    token: props.credential.token,
    displayName: props.displayName,
    flagsRef,
    onCredentialRejected: props.onCredentialRejected,
  });
  const { state } = room;
  const finished = isFinished(state.phase);
  const onLost = useLossRecovery(room.reconnect, notify);
  const { setMediaState } = room;
  const onConnected = useCallback((local: MediaFlags) => {
    if (local.audio === flagsRef.current.audio && local.video === flagsRef.current.video) return;
    commit(local);
    void setMediaState(local);
  }, [flagsRef, commit, setMediaState]);

  // [SV3] The hidden supervisor observes: no microphone, no camera, no shortcut that would turn one on.
  const observing = state.self !== null && isObserver(state.self.role);
  const media = useRoomMedia({
    access: finished ? null : state.media,
    finished,
    selfId: state.self?.id ?? null,
    initialStream: props.localStream,
    flagsRef,
    others: state.others,
    hiddenMediaPeers: state.hiddenMediaPeers,
    observer: observing,
    onLost,
    onConnected,
  });
  const distress = useDistress({ selfId: state.self?.id ?? null, command: room.command, listen: room.listen });
  const groundRules = useGroundRules({ command: room.command, listen: room.listen });
  const agenda = useAgenda({ inRoom: state.phase.kind === 'in-room', command: room.command, listen: room.listen, onEnterRulesPhase: groundRules.openPanel });
  const conversations = useConversations({
    self: state.self,
    ownAlertId: distress.state.member.sent?.alertId ?? null,
    alerts: distress.state.alerts,
    // Replaced on every (re)join: open conversations fetch what they missed.
    joinedWith: state.media,
    command: room.command,
    listen: room.listen,
  });
  const controls = useLocalControls({
    connection: media.connection, localStream: media.localStream, flagsRef, commit, sendMediaState: setMediaState, notify,
  });
  // Talk time: this person's own speech, measured on their microphone and reported to the server
  // (kept through a reconnect: what could not be sent meanwhile goes with the next report).
  const { beforeMicrophoneToggle } = useTalkReport({
    active: (state.phase.kind === 'in-room' || state.phase.kind === 'reconnecting') && !observing,
    microphone: media.localStream.getAudioTracks()[0] ?? null,
    flagsRef,
    command: room.command,
  });
  // Hands, the floor, go-rounds and private notes (each person receives only what they may know).
  const floor = useFloor({ inRoom: state.phase.kind === 'in-room' || state.phase.kind === 'reconnecting', self: state.self, others: state.others, command: room.command, listen: room.listen });
  const talkTime = useTalkTime({ command: room.command, listen: room.listen });
  const aside = useAside({ inRoom: state.phase.kind === 'in-room', connection: media.connection, command: room.command, listen: room.listen, notify });
  // Waiting room, lock, mute everyone, ask to unmute, stop video, ban: the member decides about their own media.
  const moderation = useModeration({
    self: state.self, inRoom: state.phase.kind === 'in-room', command: room.command, listen: room.listen, notify,
    onVideoStopped: () => {
      if (flagsRef.current.video) controls.toggleCamera();
    },
    onUnmuteSelf: () => {
      if (!flagsRef.current.audio) controls.toggleMicrophone();
    },
  });

  // A facilitator muted us: stop sending, and say so calmly until the person unmutes or dismisses.
  const { lastMutedBy } = state;
  const { applyRemoteMute } = controls;
  useEffect(() => {
    if (!lastMutedBy) return;
    applyRemoteMute();
    notify(mutedAnnouncement(lastMutedBy.by.displayName, lastMutedBy.everyone === true, lastMutedBy.floor === true), true);
  }, [lastMutedBy, applyRemoteMute, notify]);
  useEffect(() => {
    if (flags.audio && notice?.persistent) dismiss();
    // Only unmuting clears it; a new notice must not be dismissed by an unrelated render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [flags.audio]);

  const inCall = (state.phase.kind === 'in-room' || state.phase.kind === 'reconnecting') && state.self && state.session;
  const asksForSupport = state.self ? canAskForSupport(state.self.role) : false;
  useKeyboardShortcuts(inCall ? {
    ...(observing ? {} : { m: () => { beforeMicrophoneToggle(); controls.toggleMicrophone(true); }, v: () => controls.toggleCamera(true) }),
    ...(asksForSupport ? { h: distress.openDialog } : {}),
    // R, not H: H already asks for support, which must stay one key away.
    ...(observing ? {} : { r: () => void floor.toggleHand() }),
    g: groundRules.toggle,
    // Talk time: the facilitators' panel only (members never receive the figures).
    ...(state.self && isFacilitatorRole(state.self.role) ? { t: talkTime.toggle } : {}),
  } : {});

  const [leaving, setLeaving] = useState(false);
  const leave = async () => {
    setLeaving(true);
    await room.leave();
  };

  const exitActions = (message: RoomExitMessage) => {
    switch (message.action) {
      case 'reload':
        return <Button variant="primary" onClick={() => window.location.reload()}>Reload page</Button>;
      case 'rejoin':
        return <Button variant="primary" onClick={() => props.onRejoin(flagsRef.current)}>Rejoin</Button>;
      case 'pre-join':
        return <Button variant="primary" onClick={props.onReturnToPreJoin}>Join again</Button>;
      default:
        return null;
    }
  };

  switch (state.phase.kind) {
    case 'left':
      return (
        <RoomMessage title="You left the session" message="You can rejoin while the session is still running.">
          <Button variant="primary" onClick={() => props.onRejoin(flagsRef.current)}>Rejoin</Button>
        </RoomMessage>
      );
    case 'closed': {
      const message = closedMessage(state.phase.reason);
      return <RoomMessage title={message.title} message={message.message}>{exitActions(message)}</RoomMessage>;
    }
    case 'refused': {
      // [MD9] The session has a waiting room: wait there, then join afresh once admitted.
      if (state.phase.error.code === 'admission_required') {
        return <WaitingRoom token={props.credential.token} onAdmitted={() => props.onRejoin(flagsRef.current)} />;
      }
      const message = refusedMessage(state.phase.error);
      return <RoomMessage title={message.title} message={message.message}>{exitActions(message)}</RoomMessage>;
    }
    default:
      break;
  }
  if (!inCall || !state.self || !state.session) {
    return (
      <RoomMessage busy title="Joining the session…"
        message={state.phase.kind === 'reconnecting' ? 'We are having trouble reaching the session. Still trying…' : 'This usually takes a few seconds.'} />
    );
  }

  const local = media.connection
    ? { ...media.snapshot.local, audio: media.snapshot.local.audio, video: media.snapshot.local.video }
    : { ...flags, stream: media.localStream, speaking: false };
  const others = orderedParticipants(state.self, state.others).slice(1);
  let connectionNote: string | null = null;
  if (state.phase.kind === 'reconnecting') {
    connectionNote = state.phase.restarting ? 'The server is restarting. Reconnecting…' : 'Connection lost. Reconnecting…';
  }
  else if (media.failed) connectionNote = 'Audio and video are not connected. Leaving and rejoining usually helps.';
  else if (!media.connection || media.snapshot.status === 'connecting') connectionNote = 'Connecting audio and video…';

  return (
    <RoomView
      session={state.session}
      self={state.self}
      others={others}
      local={{ ...local, stream: local.stream ?? media.localStream }}
      remotes={media.snapshot.remotes}
      connectionNote={connectionNote}
      observerPresent={observerIsPresent(state.self.role, others, state.hiddenMediaPeers)}
      notice={notice}
      onDismissNotice={dismiss}
      leaving={leaving}
      onToggleMicrophone={() => { beforeMicrophoneToggle(); controls.toggleMicrophone(); }}
      onToggleCamera={() => controls.toggleCamera()}
      onLeave={() => void leave()}
      onMute={room.mute}
      onRemove={room.remove}
      notify={notify}
      distress={distress}
      aside={aside}
      asideRemote={media.snapshot.aside ?? null}
      groundRules={groundRules}
      agenda={agenda}
      conversations={conversations}
      support={state.support}
      floor={floor}
      moderation={moderation}
      talkTime={talkTime}
    />
  );
}
