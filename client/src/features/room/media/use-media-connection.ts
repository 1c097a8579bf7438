/**
 * This room's media connection (see src/media/media-connection.ts): created after each successful
 * join with the media access that join returned, fed the local stream from the pre-join screen, and
 * kept told who else is in the room and whose audio may be played.
 * Invariants: at most one connection is open; it is closed when the access changes, when the room
 * finishes, and on unmount, and closing it also stops this person's camera and microphone.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import type { MediaAccess, Participant } from '@hearth/shared';
import { loadMediaConnection, type MediaCloseReason, type MediaConnection, type MediaSnapshot } from '../../../media';
import { useLatest } from '../../../lib/use-latest';
import { acquireMedia, deviceIdOf, hasLiveTrack, stopStream } from '../../../lib/user-media';
import { mediaPeerIds } from './observer';
import { audioAllowed } from '../session';
import type { MediaFlags } from '../session';

const noIds: readonly string[] = [];

export type LostReason = Extract<MediaCloseReason, 'signalling_lost' | 'bad_ticket' | 'over_budget'>;
const isLost = (reason: MediaCloseReason | undefined): reason is LostReason =>
  reason === 'signalling_lost' || reason === 'bad_ticket' || reason === 'over_budget';

const idleSnapshot: MediaSnapshot = {
  status: 'idle',
  local: { stream: null, audio: false, video: false, speaking: false },
  remotes: new Map(),
};

interface Options {
  /** null until joined, and after the room finished: no connection is kept then. */
  access: MediaAccess | null;
  /** The room is over (left, closed, refused): release the camera and microphone. */
  finished: boolean;
  selfId: string | null;
  initialStream: MediaStream;
  flagsRef: RefObject<MediaFlags>;
  others: ReadonlyMap<string, Participant>;
  /** [SV5] Ids to send media to without showing them (the hidden supervisor, for members). */
  hiddenMediaPeers?: readonly string[];
  /** [SV3] This person is the hidden supervisor: the connection publishes nothing, ever. */
  observer?: boolean;
  /**
   * The connection closed by itself in a way a rejoin may fix (signalling lost, stale ticket), or
   * because this browser sent more than the server allows (over_budget: the callee says so instead).
   */
  onLost: (reason: LostReason) => void;
  /** Media is flowing; these are the devices actually on (may differ from what was asked). */
  onConnected: (local: MediaFlags) => void;
}

/**
 * A closed connection stops the tracks it was given. Before the next connection (after a
 * reconnect) ask again for the same devices; a stream that is still live is used as is.
 */
async function usableStream(stream: MediaStream, flags: MediaFlags, devices: { mic?: string; cam?: string }) {
  const ended = stream.getTracks().some((track) => track.readyState === 'ended');
  if (!ended && (!flags.video || hasLiveTrack(stream, 'video'))) return stream;
  const { stream: fresh } = await acquireMedia({ audio: true, video: flags.video, microphoneId: devices.mic, cameraId: devices.cam });
  fresh.getAudioTracks().forEach((track) => { track.enabled = flags.audio; });
  return fresh;
}

export function useMediaConnection({ access, finished, selfId, initialStream, flagsRef, others, hiddenMediaPeers = noIds, observer = false, onLost, onConnected }: Options) {
  const [connection, setConnection] = useState<MediaConnection | null>(null);
  // Which access failed to connect: a new join (new access) starts with a clean slate.
  const [failedFor, setFailedFor] = useState<MediaAccess | null>(null);
  const [localStream, setLocalStream] = useState(initialStream);
  const streamRef = useRef(initialStream);
  const devicesRef = useRef<{ mic?: string; cam?: string }>({});
  const latest = useLatest({ onLost, onConnected });
  const peerIds = mediaPeerIds(others.keys(), hiddenMediaPeers, selfId);
  const latestOthers = useLatest(peerIds);

  useEffect(() => {
    if (!access || !selfId) return undefined;
    let cancelled = false;
    let created: MediaConnection | null = null;

    const run = async () => {
      // [SV3] An observer's devices are released and nothing is captured: peers get no track to send.
      if (observer) stopStream(streamRef.current);
      const stream = observer ? new MediaStream() : await usableStream(streamRef.current, flagsRef.current, devicesRef.current);
      if (cancelled) {
        if (stream !== streamRef.current) stopStream(stream);
        return;
      }
      streamRef.current = stream;
      setLocalStream(stream);
      created = await loadMediaConnection(access, selfId);
      if (cancelled) return created.close();
      // Name the peers before connecting, so offers go out the moment signalling is ready rather
      // than a render later, when the effect below would first see the connection.
      created.setParticipants(latestOthers.current);
      await created.connect(stream, observer ? { audio: false, video: false } : { ...flagsRef.current });
      if (cancelled) return;
      // The person may have toggled a device while we were connecting, or asked for one that had
      // no track yet: catch up, then report what is really on.
      const wanted = observer ? { audio: false, video: false } : flagsRef.current;
      try {
        if (created.getSnapshot().local.audio !== wanted.audio) await created.setMicrophoneEnabled(wanted.audio);
        if (created.getSnapshot().local.video !== wanted.video) await created.setCameraEnabled(wanted.video);
      } catch (error) {
        console.warn('Could not apply the microphone or camera setting', error);
      }
      if (cancelled) return;
      setConnection(created);
      const { audio, video } = created.getSnapshot().local;
      latest.current.onConnected({ audio, video });
    };

    run().catch((error: unknown) => {
      if (cancelled) return;
      console.warn('Media connection failed', error);
      const reason = created?.getSnapshot().closeReason;
      if (isLost(reason)) latest.current.onLost(reason);
      else setFailedFor(access);
    });

    return () => {
      cancelled = true;
      if (created) {
        // Remember the devices in use so a reconnect asks for the same ones.
        const current = created.getSnapshot().local.stream;
        devicesRef.current = {
          mic: deviceIdOf(current, 'audio') ?? devicesRef.current.mic,
          cam: deviceIdOf(current, 'video') ?? devicesRef.current.cam,
        };
        created.close();
      }
      setConnection(null);
    };
  }, [access, selfId, flagsRef, latest, latestOthers, observer]);

  // Once the room is over, the camera and microphone go off even if no connection was made yet.
  useEffect(() => {
    if (finished) stopStream(streamRef.current);
  }, [finished]);
  useEffect(() => () => stopStream(streamRef.current), []);

  const subscribe = useCallback((listener: () => void) => (connection ? connection.subscribe(listener) : () => undefined), [connection]);
  const getSnapshot = useCallback(() => (connection ? connection.getSnapshot() : idleSnapshot), [connection]);
  const snapshot = useSyncExternalStore(subscribe, getSnapshot);

  // A connection that closes by itself (signalling dropped) is replaced by rejoining.
  const lostReason = snapshot.status === 'closed' ? snapshot.closeReason : undefined;
  useEffect(() => {
    if (isLost(lostReason)) latest.current.onLost(lostReason);
  }, [lostReason, latest]);

  const otherKey = peerIds.join(',');
  useEffect(() => {
    connection?.setParticipants(otherKey === '' ? [] : otherKey.split(','));
  }, [connection, otherKey]);

  useEffect(() => {
    if (!connection) return;
    for (const participant of others.values()) connection.setRemoteAudioAllowed(participant.id, audioAllowed(participant));
  }, [connection, others]);

  const failed = access !== null && failedFor === access;
  return { connection, snapshot, localStream: snapshot.local.stream ?? localStream, failed };
}
