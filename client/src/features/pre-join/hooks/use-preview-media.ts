/**
 * The camera and microphone on the pre-join screen. It lives in the join route (not in the form) so
 * the same MediaStream is handed to the room when the person joins, without asking the browser
 * again. The camera toggle releases the camera entirely (the light goes off); the microphone toggle
 * only disables its track, so turning it back on is instant.
 * Invariant: whatever stream the hook holds is stopped when the route unmounts or release() is called.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { acquireMedia, acquireTrack, deviceIdOf, hasLiveTrack, stopStream } from '../../../lib/user-media';

export interface DeviceOption {
  deviceId: string;
  label: string;
}

interface PreviewState {
  status: 'starting' | 'ready' | 'released';
  stream: MediaStream | null;
  audio: boolean;
  video: boolean;
  microphoneId: string;
  cameraId: string;
  problem: string | null;
}

/** What the room needs from the preview at the moment of joining. */
export interface PreviewSettled {
  stream: MediaStream | null;
  audio: boolean;
  video: boolean;
}

export interface PreviewMedia extends PreviewState {
  microphones: DeviceOption[];
  cameras: DeviceOption[];
  toggleMicrophone(): void;
  toggleCamera(): void;
  selectMicrophone(deviceId: string): void;
  selectCamera(deviceId: string): void;
  /**
   * Resolves once the first camera and microphone request has finished (granted or not), with the
   * state at that moment: pressing Join while the camera is still starting must not join without it.
   */
  whenReady(): Promise<PreviewSettled>;
  /** Stops everything (e.g. the invite turned out not to work). */
  release(): void;
  /** Acquires afresh with the same devices, e.g. to rejoin after leaving (which stops all tracks). */
  restart(wants: { audio: boolean; video: boolean }): Promise<{ stream: MediaStream; audio: boolean; video: boolean }>;
}

function options(devices: MediaDeviceInfo[], kind: MediaDeviceKind, fallback: string): DeviceOption[] {
  return devices
    .filter((device) => device.kind === kind && device.deviceId !== '')
    .map((device, index) => ({ deviceId: device.deviceId, label: device.label || `${fallback} ${index + 1}` }));
}

const audioTracks = (stream: MediaStream | null) => stream?.getAudioTracks() ?? [];
const videoTracks = (stream: MediaStream | null) => stream?.getVideoTracks() ?? [];

const initialState: PreviewState = {
  status: 'starting', stream: null, audio: false, video: false, microphoneId: '', cameraId: '', problem: null,
};

export function usePreviewMedia(): PreviewMedia {
  const [state, setState] = useState<PreviewState>(initialState);
  // The same state, readable at once by async work (whenReady, queued device changes).
  const stateRef = useRef<PreviewState>(initialState);
  const firstAcquisition = useRef<Promise<void> | null>(null);
  const [devices, setDevices] = useState<{ microphones: DeviceOption[]; cameras: DeviceOption[] }>({ microphones: [], cameras: [] });
  const streamRef = useRef<MediaStream | null>(null);
  // Device changes are async; a second click while one is under way is ignored rather than racing.
  const pending = useRef(false);

  const refreshDevices = useCallback(async () => {
    if (!navigator.mediaDevices?.enumerateDevices) return;
    const list = await navigator.mediaDevices.enumerateDevices();
    setDevices({ microphones: options(list, 'audioinput', 'Microphone'), cameras: options(list, 'videoinput', 'Camera') });
  }, []);

  const update = useCallback((patch: Partial<PreviewState>) => {
    stateRef.current = { ...stateRef.current, ...patch };
    setState(stateRef.current);
  }, []);

  const adopt = useCallback((stream: MediaStream, patch: Partial<PreviewState>) => {
    streamRef.current = stream;
    update({ ...patch, stream, status: 'ready' });
  }, [update]);

  useEffect(() => {
    let cancelled = false;
    firstAcquisition.current = acquireMedia({ audio: true, video: true }).then(({ stream, problem }) => {
      if (cancelled) {
        stopStream(stream);
        return;
      }
      adopt(stream, {
        problem,
        audio: hasLiveTrack(stream, 'audio'),
        video: hasLiveTrack(stream, 'video'),
        microphoneId: deviceIdOf(stream, 'audio') ?? '',
        cameraId: deviceIdOf(stream, 'video') ?? '',
      });
      void refreshDevices();
    });
    const mediaDevices = navigator.mediaDevices;
    const onDeviceChange = () => void refreshDevices();
    mediaDevices?.addEventListener?.('devicechange', onDeviceChange);
    return () => {
      cancelled = true;
      mediaDevices?.removeEventListener?.('devicechange', onDeviceChange);
      stopStream(streamRef.current);
      streamRef.current = null;
    };
  }, [adopt, refreshDevices]);

  async function exclusively(work: () => Promise<void>) {
    if (pending.current) return;
    pending.current = true;
    try {
      await work();
    } finally {
      pending.current = false;
    }
  }

  const toggleMicrophone = () => void exclusively(async () => {
    const stream = streamRef.current;
    const next = !stateRef.current.audio;
    const live = audioTracks(stream).filter((t) => t.readyState === 'live');
    if (live.length > 0 || !next) {
      live.forEach((track) => { track.enabled = next; });
      update({ audio: next });
      return;
    }
    const { track, problem } = await acquireTrack('audio', stateRef.current.microphoneId || undefined);
    if (!track) return update({ problem });
    adopt(new MediaStream([track, ...videoTracks(stream)]), {
      audio: true, problem: null, microphoneId: track.getSettings().deviceId ?? stateRef.current.microphoneId,
    });
    void refreshDevices();
  });

  const toggleCamera = () => void exclusively(async () => {
    const stream = streamRef.current;
    if (stateRef.current.video) {
      videoTracks(stream).forEach((track) => track.stop());
      adopt(new MediaStream(audioTracks(stream)), { video: false });
      return;
    }
    const { track, problem } = await acquireTrack('video', stateRef.current.cameraId || undefined);
    if (!track) return update({ problem });
    adopt(new MediaStream([...audioTracks(stream), track]), {
      video: true, problem: null, cameraId: track.getSettings().deviceId ?? stateRef.current.cameraId,
    });
    void refreshDevices();
  });

  const selectMicrophone = (deviceId: string) => void exclusively(async () => {
    const stream = streamRef.current;
    update({ microphoneId: deviceId });
    if (audioTracks(stream).length === 0) return;
    const { track, problem } = await acquireTrack('audio', deviceId);
    if (!track) return update({ problem });
    track.enabled = stateRef.current.audio;
    audioTracks(stream).forEach((old) => old.stop());
    adopt(new MediaStream([track, ...videoTracks(stream)]), { problem: null });
  });

  const selectCamera = (deviceId: string) => void exclusively(async () => {
    const stream = streamRef.current;
    update({ cameraId: deviceId });
    if (!stateRef.current.video) return;
    const { track, problem } = await acquireTrack('video', deviceId);
    if (!track) return update({ problem });
    videoTracks(stream).forEach((old) => old.stop());
    adopt(new MediaStream([...audioTracks(stream), track]), { problem: null });
  });

  const release = useCallback(() => {
    stopStream(streamRef.current);
    streamRef.current = null;
    update({ stream: null, status: 'released', audio: false, video: false });
  }, [update]);

  const whenReady = useCallback(async (): Promise<PreviewSettled> => {
    await firstAcquisition.current;
    const { stream, audio, video } = stateRef.current;
    return { stream, audio, video };
  }, []);

  const restart = async (wants: { audio: boolean; video: boolean }) => {
    stopStream(streamRef.current);
    // Always ask for the microphone (muted if not wanted) so unmuting later needs no new prompt.
    const { stream, problem } = await acquireMedia({
      audio: true, video: wants.video,
      microphoneId: stateRef.current.microphoneId || undefined, cameraId: stateRef.current.cameraId || undefined,
    });
    audioTracks(stream).forEach((track) => { track.enabled = wants.audio; });
    const audio = wants.audio && hasLiveTrack(stream, 'audio');
    const video = wants.video && hasLiveTrack(stream, 'video');
    adopt(stream, { audio, video, problem });
    return { stream, audio, video };
  };

  return {
    ...state,
    ...devices,
    whenReady,
    toggleMicrophone,
    toggleCamera,
    selectMicrophone,
    selectCamera,
    release,
    restart,
  };
}
