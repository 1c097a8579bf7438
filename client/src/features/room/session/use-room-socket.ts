/**
 * The room's socket.io connection: handshake, join (and rejoin after a dropped connection), the
 * facts the server pushes, and the commands this participant may send. Exposes state built by the
 * pure reducer in model/room-state.ts. Invariant: once the room is finished (refused, closed, left)
 * the socket is disconnected and nothing more is sent.
 *
 * Other capabilities of the room (distress, private conversations, …) keep their own state: they send through `command` and
 * hear their facts through `listen`, so this hook stays the only owner of the socket. The room session
 * (room-session.tsx) is its one caller and hands it to the parts.
 *
 * [MD9] A join refused with `admission_required` keeps the connection: the waiting room
 * (moderation/use-waiting-room.ts) sends `waiting:enter` on it, after every reconnect too (`room:connected`),
 * and the server's `waiting:decided` ends it; the room then mounts afresh and joins on a new one.
 */
import { useCallback, useEffect, useReducer, useRef, useState, type RefObject } from 'react';
import { ApiErrorSchema, check, type ClientCommandName, type CommandPayload, type FactPayload, type Participant, type ServerFactName } from '@hearth/shared';
import { connectRoomSocket, onFact, sendCommand, type CommandOutcome, type RoomSocket } from '../../../lib/socket';
import { useLatest } from '../../../lib/use-latest';
import { credentialRejected } from './room-messages';
import { initialRoomState, roomReducer, type JoinResult } from './room-state';

export interface MediaFlags {
  audio: boolean;
  video: boolean;
}

/** Facts this hook does not handle itself but passes on, already validated, to whoever listens. */
const RELAYED_FACTS = [
  'distress:alert', 'distress:acknowledged', 'distress:updated', 'distress:seen', 'distress:closed', 'case:message', 'backchannel:message',
  'rules:spotlighted', 'rules:revisit-requested', 'rules:proposal', 'rules:updated',
  'agenda:phase',
  'aside:started', 'aside:ended', 'aside:away', 'media:key',
  'talk:stats', 'talk:own-share',
  'reaction:shown', 'reactions:settings',
  'floor:state', 'floor:queue', 'hand:mine', 'nudge:received', 'nudge:answered',
  'moderation:settings', 'moderation:unmute-requested', 'moderation:unmute-answered', 'moderation:video-stopped', 'waiting:updated', 'waiting:message',
  'waiting:decided',
  'chat:message', 'chat:removed', 'chat:mode',
] as const satisfies readonly ServerFactName[];
type RelayedFactName = (typeof RELAYED_FACTS)[number];
/**
 * The relayed facts, and two local moments: `room:joined`, passed on as a (re)join is acknowledged and so
 * before any fact the server sends after it (state that only the server can make current again, the
 * floor, starts afresh there, and is not wiped while the room is merely reconnecting); and
 * `room:connected`, each time the socket (re)connects, which is when the waiting room enters again.
 */
export type RoomFact =
  | { [E in RelayedFactName]: { name: E; payload: FactPayload<E> } }[RelayedFactName]
  | { name: 'room:joined'; payload: JoinResult }
  | { name: 'room:connected'; payload: null };
export type RoomFactListener = (fact: RoomFact) => void;
/** Sends one command on the room's socket; never throws (see lib/socket.ts). */
export type RoomCommand = <E extends ClientCommandName>(name: E, payload: CommandPayload<E>) => Promise<CommandOutcome<E>>;
/** Subscribes to the room's facts; returns an unsubscribe (an effect's cleanup). */
export type RoomListen = (listener: RoomFactListener) => () => void;

interface Options {
  token: string;
  displayName: string;
  /** Current microphone and camera wishes, sent with every (re)join. */
  flagsRef: RefObject<MediaFlags>;
  onCredentialRejected: () => void;
}

const notConnected = {
  ok: false as const,
  error: { code: 'not_in_room' as const, message: 'You are not connected to the room right now. Please wait a moment.' },
};

export function useRoomSocket({ token, displayName, flagsRef, onCredentialRejected }: Options) {
  const [state, dispatch] = useReducer(roomReducer, initialRoomState);
  const live = useRef<{ socket: RoomSocket; finished: boolean } | null>(null);
  const latest = useLatest({ displayName, onCredentialRejected });
  // Listeners register here rather than on a socket, so they keep hearing across a new socket.
  const [listeners] = useState(() => new Set<RoomFactListener>());

  useEffect(() => {
    const socket = connectRoomSocket(token);
    // `waiting`: refused with admission_required; the connection stays for the waiting room.
    const current = { socket, finished: false, waiting: false };
    const relay = (fact: RoomFact) => listeners.forEach((listener) => listener(fact));
    live.current = current;
    const finish = () => {
      current.finished = true;
      socket.disconnect();
    };

    socket.on('connect', () => {
      relay({ name: 'room:connected', payload: null });
      if (current.waiting) return;
      void sendCommand(socket, 'room:join', { displayName: latest.current.displayName, ...flagsRef.current }).then((ack) => {
        if (current.finished) return;
        if (ack.ok) {
          relay({ name: 'room:joined', payload: ack });
          return dispatch({ type: 'joined', result: ack });
        }
        dispatch({ type: 'refused', error: ack.error });
        if (ack.error.code === 'admission_required') {
          current.waiting = true;
          return;
        }
        if (credentialRejected(ack.error.code)) latest.current.onCredentialRejected();
        finish();
      });
    });

    // A refusal by the server carries { code, message }; anything else is the network, and
    // socket.io keeps retrying by itself.
    socket.on('connect_error', (error) => {
      if (current.finished) return;
      const data: unknown = (error as Error & { data?: unknown }).data;
      if (!check(ApiErrorSchema, data)) return dispatch({ type: 'connection-lost' });
      dispatch({ type: 'refused', error: data });
      if (credentialRejected(data.code)) latest.current.onCredentialRejected();
      finish();
    });

    // [RS2] Only a server disconnect is final (and `room:closed` says why first); a closed transport, a
    // restart or a network drop is a pause: socket.io reconnects and 'connect' rejoins with the credential.
    socket.on('disconnect', (reason) => {
      if (current.finished || reason === 'io client disconnect') return;
      if (reason === 'io server disconnect') {
        // The server let us go without saying why (room:closed normally comes first).
        dispatch({ type: 'refused', error: { code: 'internal_error', message: 'The room closed the connection.' } });
        current.finished = true;
        return;
      }
      dispatch({ type: 'connection-lost' });
    });

    const offs = [
      onFact(socket, 'participant:joined', (participant) => dispatch({ type: 'participant', participant })),
      onFact(socket, 'participant:updated', (participant) => dispatch({ type: 'participant', participant })),
      onFact(socket, 'participant:left', ({ participantId }) => dispatch({ type: 'participant-left', participantId })),
      onFact(socket, 'moderation:muted', ({ by, everyone, floor }) => dispatch({ type: 'muted-by', by, at: Date.now(), everyone: everyone ?? false, floor: floor ?? false })),
      onFact(socket, 'media:hidden-peers', ({ participantIds }) => dispatch({ type: 'hidden-media-peers', participantIds })),
      onFact(socket, 'server:restarting', () => dispatch({ type: 'connection-lost', restarting: true })),
      // [ND3] The node is stopping: the same pause as a restart, and the reconnect reaches another node.
      onFact(socket, 'server:moving', () => dispatch({ type: 'connection-lost', restarting: true })),
      onFact(socket, 'room:closed', ({ reason }) => {
        dispatch({ type: 'closed', reason });
        if (reason !== 'replaced') latest.current.onCredentialRejected();
        finish();
      }),
      // The waiting room's answer ends its connection; on admission the room joins afresh on a new one.
      onFact(socket, 'waiting:decided', () => finish()),
      ...RELAYED_FACTS.map((name) => onFact(socket, name, (payload) => relay({ name, payload } as RoomFact))),
    ];

    return () => {
      offs.forEach((off) => off());
      socket.removeAllListeners();
      finish();
      if (live.current === current) live.current = null;
    };
  }, [token, flagsRef, latest, listeners]);

  const listen: RoomListen = useCallback((listener: RoomFactListener) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [listeners]);

  const command: RoomCommand = useCallback(async <E extends ClientCommandName>(name: E, payload: CommandPayload<E>): Promise<CommandOutcome<E>> => {
    const current = live.current;
    if (!current || current.finished || !current.socket.connected) return notConnected;
    return sendCommand(current.socket, name, payload);
  }, []);

  const setMediaState = useCallback(async (flags: MediaFlags) => {
    const ack = await command('media:state', flags);
    if (ack.ok) dispatch({ type: 'participant', participant: ack.self });
    return ack;
  }, [command]);

  /** What a command's answer said about someone (moderation's mute and remove answer with it). */
  const noteParticipant = useCallback((participant: Participant) => dispatch({ type: 'participant', participant }), []);
  const noteParticipantLeft = useCallback((participantId: string) => dispatch({ type: 'participant-left', participantId }), []);

  /** Says goodbye (briefly: leaving must never hang), then disconnects. */
  const leave = useCallback(async () => {
    const current = live.current;
    if (current && !current.finished && current.socket.connected) {
      await Promise.race([command('room:leave', {}), new Promise((resolve) => setTimeout(resolve, 2000))]);
    }
    dispatch({ type: 'left' });
    if (current) {
      current.finished = true;
      current.socket.disconnect();
    }
  }, [command]);

  /**
   * Drops and reopens the socket, which rejoins and brings a fresh media ticket. Used when media
   * signalling was lost: rejoining on the same socket would make the server replace ourselves.
   */
  const reconnect = useCallback((): boolean => {
    const current = live.current;
    // Already reconnecting (the server restarts, the network dropped): that rejoin brings a fresh ticket.
    if (!current || current.finished || !current.socket.connected) return false;
    dispatch({ type: 'connection-lost' });
    current.socket.disconnect();
    current.socket.connect();
    return true;
  }, []);

  return { state, command, listen, setMediaState, noteParticipant, noteParticipantLeft, leave, reconnect };
}
