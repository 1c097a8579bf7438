/**
 * Turning this person's own microphone and camera on and off: first the device (so "off" really
 * stops sending before anyone is told), then the server via media:state. Changes run one after
 * another, so pressing M quickly three times ends in the state the person last asked for.
 */
import { useCallback, useRef } from 'react';
import type { MediaConnection } from '../../../media';
import { useLatest } from '../../../lib/use-latest';
import type { CommandOutcome } from '../../../lib/socket';
import type { MediaFlags } from '../session';

interface Options {
  connection: MediaConnection | null;
  /** Used until the media connection exists. */
  localStream: MediaStream;
  flagsRef: { current: MediaFlags };
  commit: (patch: Partial<MediaFlags>) => void;
  sendMediaState: (flags: MediaFlags) => Promise<CommandOutcome<'media:state'>>;
  notify: (text: string) => void;
}

const failedToStart = {
  audio: "We couldn't turn on your microphone. Check that your browser allows Hearth to use it.",
  video: "We couldn't turn on your camera. Check that your browser allows it and that no other app is using it.",
};

export function useLocalControls(options: Options) {
  const latest = useLatest(options);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const enqueue = useCallback((work: () => Promise<void>) => {
    queue.current = queue.current.then(work).catch((error: unknown) => console.warn(error));
  }, []);

  const setDevice = async (kind: keyof MediaFlags, on: boolean): Promise<boolean> => {
    const { connection, localStream } = latest.current;
    try {
      if (connection) {
        await (kind === 'audio' ? connection.setMicrophoneEnabled(on) : connection.setCameraEnabled(on));
      } else {
        const tracks = kind === 'audio' ? localStream.getAudioTracks() : localStream.getVideoTracks();
        tracks.forEach((track) => { track.enabled = on; });
      }
      return true;
    } catch {
      return false;
    }
  };

  /** `announce` is for keyboard shortcuts: focus is elsewhere, so say what happened. */
  const toggle = useCallback((kind: keyof MediaFlags, announce = false) => {
    enqueue(async () => {
      const { flagsRef, commit, sendMediaState, notify } = latest.current;
      const next = !flagsRef.current[kind];
      if (!(await setDevice(kind, next))) return notify(failedToStart[kind]);
      commit({ [kind]: next });
      if (announce) notify(`${kind === 'audio' ? 'Microphone' : 'Camera'} ${next ? 'on' : 'off'}`);
      const ack = await sendMediaState(flagsRef.current);
      if (!ack.ok && ack.error.code !== 'not_in_room') notify(ack.error.message);
      // [FL5] Refused (floor control: not their turn): the microphone goes back off, so nothing is sent.
      if (!ack.ok && ack.error.code === 'not_allowed' && kind === 'audio' && next) {
        await setDevice('audio', false);
        commit({ audio: false });
      }
    });
    // setDevice only reads `latest`, which is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enqueue, latest]);

  /** A facilitator muted us: stop sending audio. The server already knows, so nothing is sent. */
  const applyRemoteMute = useCallback(() => {
    enqueue(async () => {
      await setDevice('audio', false);
      latest.current.commit({ audio: false });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enqueue, latest]);

  return {
    toggleMicrophone: useCallback((announce?: boolean) => toggle('audio', announce), [toggle]),
    toggleCamera: useCallback((announce?: boolean) => toggle('video', announce), [toggle]),
    applyRemoteMute,
  };
}
