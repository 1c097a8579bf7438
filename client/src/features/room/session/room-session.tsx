/**
 * The room session: the one owner of the room's socket, and what every part of the room reads
 * (moderation, distress, floor, talk time, rules, media…). It holds the room as the server described it
 * (model in room-state.ts), the person's microphone and camera wishes (sent with every (re)join), the
 * room's one status line, and the single-key shortcuts the parts register. Parts never open a socket:
 * they send through `command`, hear their facts through `listen`, and keep their own state.
 */
import { useEffect, useMemo, useState, type ReactNode, type RefObject } from 'react';
import type { Participant, RoomCredential } from '@hearth/shared';
import type { CommandOutcome } from '../../../lib/socket';
import { useLatest } from '../../../lib/use-latest';
import { createPartContext } from './part-context';
import { isFinished, orderedParticipants, type RoomState, type SupportDetails } from './room-state';
import { useKeyboardShortcuts, type RegisterShortcut } from './use-keyboard-shortcuts';
import { useMediaFlags } from './use-media-flags';
import { useRoomNotice, type RoomNotice } from './use-room-notice';
import { useRoomSocket, type MediaFlags, type RoomCommand, type RoomListen } from './use-room-socket';

/** Who this person is in the call and with whom; there only while joined or reconnecting. */
export interface RoomCall {
  self: Participant;
  /** Everyone else, in the order they joined (a stable grid and list). */
  others: Participant[];
  session: { title: string; groupName: string };
  /** The group's crisis resources and (facilitators only) emergency contacts, from joining. */
  support: SupportDetails;
}

export interface RoomSession {
  state: RoomState;
  /** In the call (joined, or reconnecting to it): who is here. Null before joining and once finished. */
  call: RoomCall | null;
  finished: boolean;
  command: RoomCommand;
  listen: RoomListen;
  /** The room's one status line (role="status"). `persistent` stays until dismissed or replaced. */
  notice: RoomNotice | null;
  notify: (text: string, persistent?: boolean) => void;
  dismissNotice: () => void;
  /** What this person wants their microphone and camera to be; the ref is for long-lived code. */
  flags: MediaFlags;
  flagsRef: RefObject<MediaFlags>;
  commitFlags: (patch: Partial<MediaFlags>) => void;
  setMediaState: (flags: MediaFlags) => Promise<CommandOutcome<'media:state'>>;
  /** A command's answer about someone (a mute, a removal) is a fact about the room too. */
  noteParticipant: (participant: Participant) => void;
  noteParticipantLeft: (participantId: string) => void;
  /** Drops and reopens the socket for a fresh media ticket; false when already reconnecting. */
  reconnect: () => boolean;
  leave: () => Promise<void>;
  leaving: boolean;
  /** Join again with fresh devices (after Leave, being admitted, or a recoverable refusal). */
  rejoin: () => void;
  /** Back to the pre-join screen (the credential was not accepted; a new one is needed). */
  returnToPreJoin: () => void;
  registerShortcut: RegisterShortcut;
}

const [SessionProvider, useRoomSessionContext] = createPartContext<RoomSession>('The room session');

/** The room session; throws outside <RoomSessionProvider>. */
export const useRoomSession = useRoomSessionContext;

/** Who is in the call, for components shown only in it; throws before joining and once finished. */
export function useRoomCall(): RoomCall {
  const { call } = useRoomSession();
  if (!call) throw new Error('This part of the room is shown only in the call.');
  return call;
}

/** Registers one single-key shortcut while `action` is given (null: the key does nothing here). */
export function useRoomShortcut(key: string, action: (() => void) | null): void {
  const { registerShortcut } = useRoomSession();
  const latest = useLatest(action);
  const on = action !== null;
  useEffect(() => (on ? registerShortcut(key, () => latest.current?.()) : undefined), [key, on, registerShortcut, latest]);
}

export interface RoomSessionProviderProps {
  credential: RoomCredential;
  displayName: string;
  initial: MediaFlags;
  onRejoin: (flags: MediaFlags) => void;
  onReturnToPreJoin: () => void;
  /** The stored credential will never work again (removed, ended, revoked). */
  onCredentialRejected: () => void;
  children: ReactNode;
}

export function RoomSessionProvider({ credential, displayName, initial, onRejoin, onReturnToPreJoin, onCredentialRejected, children }: RoomSessionProviderProps) {
  const { flags, flagsRef, commit } = useMediaFlags(initial);
  const { notice, show: notify, dismiss: dismissNotice } = useRoomNotice();
  const room = useRoomSocket({ token: credential.token, displayName, flagsRef, onCredentialRejected });
  const { state } = room;
  const inCall = (state.phase.kind === 'in-room' || state.phase.kind === 'reconnecting') && state.self !== null && state.session !== null;
  const registerShortcut = useKeyboardShortcuts(inCall);
  const [leaving, setLeaving] = useState(false);
  const latest = useLatest({ onRejoin, onReturnToPreJoin, leave: room.leave });

  // A persistent notice ("Sam muted you…") is about the microphone: unmuting clears it.
  useEffect(() => {
    if (flags.audio && notice?.persistent) dismissNotice();
    // Only unmuting clears it; a new notice must not be dismissed by an unrelated render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [flags.audio]);

  const { self, others, session, support } = state;
  const call = useMemo<RoomCall | null>(() => (inCall && self && session
    ? { self, others: orderedParticipants(self, others).slice(1), session, support }
    : null), [inCall, self, others, session, support]);

  const actions = useMemo(() => ({
    rejoin: () => latest.current.onRejoin(flagsRef.current),
    returnToPreJoin: () => latest.current.onReturnToPreJoin(),
    leave: async () => {
      setLeaving(true);
      await latest.current.leave();
    },
  }), [latest, flagsRef]);

  const value = useMemo<RoomSession>(() => ({
    state, call, finished: isFinished(state.phase),
    command: room.command, listen: room.listen, setMediaState: room.setMediaState,
    noteParticipant: room.noteParticipant, noteParticipantLeft: room.noteParticipantLeft, reconnect: room.reconnect,
    notice, notify, dismissNotice, flags, flagsRef, commitFlags: commit, leaving, registerShortcut, ...actions,
  }), [state, call, room.command, room.listen, room.setMediaState, room.noteParticipant, room.noteParticipantLeft, room.reconnect,
    notice, notify, dismissNotice, flags, flagsRef, commit, leaving, registerShortcut, actions]);
  return <SessionProvider value={value}>{children}</SessionProvider>;
}
