/**
 * The room's media part: the media connection for this join (use-media-connection.ts), this person's own
 * microphone and camera (use-local-controls.ts, the M and V keys) and recovery when media drops by
 * itself (use-loss-recovery.ts). Read by the tiles and toolbar here, and by the parts that act on media
 * (moderation stops a camera, the pull-aside switches the connection, talk time hears the microphone).
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MediaConnection, MediaSnapshot } from '../../../media';
import { createPartContext } from '../session';
import { useRoomSession, useRoomShortcut } from '../session';
import type { MediaFlags } from '../session';
import { isObserver } from './observer';
import { useLocalControls } from './use-local-controls';
import { useLossRecovery } from './use-loss-recovery';
import { useMediaConnection } from './use-media-connection';

/** This person's own tile: what the connection sends once there is one, the pre-join stream before. */
export type LocalMedia = MediaFlags & { stream: MediaStream; speaking: boolean };

export interface RoomMedia {
  connection: MediaConnection | null;
  snapshot: MediaSnapshot;
  localStream: MediaStream;
  local: LocalMedia;
  /** The connection could not be made for this join. */
  failed: boolean;
  /** [SV3] The hidden supervisor observes: nothing is published, no control turns a device on. */
  observing: boolean;
  /** `announce` is for keyboard shortcuts: focus is elsewhere, so the change is said aloud. */
  toggleMicrophone: (announce?: boolean) => void;
  toggleCamera: (announce?: boolean) => void;
  /** A facilitator muted us: stop sending audio (the server already knows). */
  applyRemoteMute: () => void;
  /** Called at the press of the microphone toggle, before the device changes (talk time ends speech there). */
  onMicrophoneToggle: (listener: () => void) => () => void;
}

const [MediaProvider, useRoomMediaContext] = createPartContext<RoomMedia>('The room media');

/** The room's media; throws outside <RoomMediaProvider>. */
export const useRoomMedia = useRoomMediaContext;

export function RoomMediaProvider({ localStream, children }: { localStream: MediaStream; children: ReactNode }) {
  const { state, finished, flags, flagsRef, commitFlags, setMediaState, reconnect, notify, listen } = useRoomSession();
  const onLost = useLossRecovery(reconnect, notify);
  const onConnected = useCallback((local: MediaFlags) => {
    if (local.audio === flagsRef.current.audio && local.video === flagsRef.current.video) return;
    commitFlags(local);
    void setMediaState(local);
  }, [flagsRef, commitFlags, setMediaState]);

  // [SV3] The hidden supervisor observes: no microphone, no camera, no shortcut that would turn one on.
  const observing = state.self !== null && isObserver(state.self.role);
  const media = useMediaConnection({
    access: finished ? null : state.media,
    finished,
    selfId: state.self?.id ?? null,
    initialStream: localStream,
    flagsRef,
    others: state.others,
    hiddenMediaPeers: state.hiddenMediaPeers,
    observer: observing,
    onLost,
    onConnected,
  });
  // [LE4] A removal or a ban rotates the session's key; the connection encrypts with the new one.
  useEffect(() => listen((fact) => {
    if (fact.name === 'media:key') media.connection?.setMediaKey(fact.payload.e2eeKey);
  }), [listen, media.connection]);
  const controls = useLocalControls({
    connection: media.connection, localStream: media.localStream, flagsRef, commit: commitFlags, sendMediaState: setMediaState, notify,
  });
  const [toggleListeners] = useState(() => new Set<() => void>());
  const onMicrophoneToggle = useCallback((listener: () => void) => {
    toggleListeners.add(listener);
    return () => {
      toggleListeners.delete(listener);
    };
  }, [toggleListeners]);
  const { toggleMicrophone: toggleDevice, toggleCamera, applyRemoteMute } = controls;
  const toggleMicrophone = useCallback((announce?: boolean) => {
    toggleListeners.forEach((listener) => listener());
    toggleDevice(announce);
  }, [toggleListeners, toggleDevice]);
  useRoomShortcut('m', observing ? null : () => toggleMicrophone(true));
  useRoomShortcut('v', observing ? null : () => toggleCamera(true));

  const { connection, snapshot, failed } = media;
  const mediaStream = media.localStream;
  const local = useMemo<LocalMedia>(() => {
    const shown = connection ? snapshot.local : { ...flags, stream: mediaStream, speaking: false };
    return { audio: shown.audio, video: shown.video, speaking: shown.speaking, stream: shown.stream ?? mediaStream };
  }, [connection, snapshot.local, flags, mediaStream]);

  const value = useMemo<RoomMedia>(() => ({
    connection, snapshot, localStream: mediaStream, local, failed, observing, toggleMicrophone, toggleCamera, applyRemoteMute, onMicrophoneToggle,
  }), [connection, snapshot, mediaStream, local, failed, observing, toggleMicrophone, toggleCamera, applyRemoteMute, onMicrophoneToggle]);
  return <MediaProvider value={value}>{children}</MediaProvider>;
}
