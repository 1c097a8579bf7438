/**
 * The moderation set on the room socket: the session's admission settings, who is waiting and the
 * waiting-room conversations (facilitators), the ask to unmute (the member asked), and the commands.
 * Every outcome is said in the room's status line: the facilitator hears that it took effect, the
 * member what happened to them and why. [MD1] Nothing here turns anyone's microphone or camera on
 * but the person's own Unmute.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  isFacilitatorRole, type ClientCommandName, type CommandPayload, type ModerationSettings, type Moderator, type Participant,
  type WaitingEntry, type WaitingMessage,
} from '@hearth/shared';
import type { CommandOutcome } from '../../../lib/socket';
import type { RoomCommand, RoomListen } from '../session';
import { settingsAnnouncement, waitingArrivals } from './moderation-words';

interface Options {
  self: Participant | null;
  inRoom: boolean;
  command: RoomCommand;
  listen: RoomListen;
  notify: (text: string, persistent?: boolean) => void;
  /** What a mute or removal answered about the person, for the room's list at once. */
  noteParticipant: (participant: Participant) => void;
  noteParticipantLeft: (participantId: string) => void;
  /** A facilitator stopped our camera: turn it off here too. */
  onVideoStopped: () => void;
  /** The member chose Unmute: their own microphone goes on through their own media:state. */
  onUnmuteSelf: () => void;
}

export function useModerationState({ self, inRoom, command, listen, notify, noteParticipant, noteParticipantLeft, onVideoStopped, onUnmuteSelf }: Options) {
  const [settings, setSettings] = useState<ModerationSettings>({ waitingRoom: false, locked: false });
  const [waiting, setWaiting] = useState<WaitingEntry[]>([]);
  const [messages, setMessages] = useState<WaitingMessage[]>([]);
  const [unmuteAsk, setUnmuteAsk] = useState<Moderator | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const facilitator = self !== null && isFacilitatorRole(self.role);
  const known = useRef<WaitingEntry[]>([]);
  const settingsRef = useRef<ModerationSettings>({ waitingRoom: false, locked: false });
  const latest = useRef({ notify, onVideoStopped, onUnmuteSelf, selfId: self?.id ?? null });
  useEffect(() => {
    latest.current = { notify, onVideoStopped, onUnmuteSelf, selfId: self?.id ?? null };
  });

  const showWaiting = useCallback((next: WaitingEntry[], announce: boolean) => {
    const arrivals = waitingArrivals(known.current, next);
    known.current = next;
    setWaiting(next);
    setMessages((all) => all.filter((m) => next.some((w) => w.participantId === m.waitingParticipantId)));
    if (announce && arrivals) latest.current.notify(arrivals);
  }, []);

  useEffect(() => listen((fact) => {
    const say = latest.current.notify;
    switch (fact.name) {
      case 'moderation:settings':
      {
        const words = settingsAnnouncement(settingsRef.current, fact.payload.settings, fact.payload.by, facilitator);
        settingsRef.current = fact.payload.settings;
        setSettings(fact.payload.settings);
        if (words && fact.payload.by.id !== latest.current.selfId) say(words);
        break;
      }
      case 'waiting:updated':
        showWaiting(fact.payload.waiting, true);
        break;
      case 'waiting:message':
        // For facilitators; the waiting member's own conversation is the waiting room's (use-waiting-room.ts).
        if (!facilitator) break;
        setMessages((all) => [...all, fact.payload]);
        say(`New message from ${fact.payload.from.displayName} in the waiting room`);
        break;
      case 'moderation:unmute-requested':
        setUnmuteAsk(fact.payload.by);
        break;
      case 'moderation:unmute-answered':
        say(fact.payload.accepted ? `${fact.payload.displayName} chose to unmute` : `${fact.payload.displayName} would rather stay muted for now`);
        break;
      case 'moderation:video-stopped':
        latest.current.onVideoStopped();
        say(`${fact.payload.by.displayName} stopped your camera. You can turn it back on when you're ready.`, true);
        break;
      default:
        break;
    }
  }), [listen, facilitator, showWaiting]);

  useEffect(() => {
    if (!inRoom || !facilitator) return;
    let cancelled = false;
    void command('moderation:state', {}).then((ack) => {
      if (cancelled || !ack.ok) return;
      settingsRef.current = ack.settings;
      setSettings(ack.settings);
      showWaiting(ack.waiting, true);
    });
    return () => {
      cancelled = true;
    };
  }, [inRoom, facilitator, command, showWaiting]);

  /** Runs a command with one pending marker and says the outcome (the success words, or the server's reason). */
  const run = useCallback(async <E extends ClientCommandName>(key: string, name: E, payload: CommandPayload<E>, said: (ack: CommandOutcome<E> & { ok: true }) => string) => {
    setPending(key);
    const ack = await command(name, payload);
    setPending(null);
    notify(ack.ok ? said(ack) : ack.error.message);
    return ack;
  }, [command, notify]);

  const muteAll = useCallback(() => run('mute-all', 'moderation:mute-all', {}, (ack) =>
    ack.muted.length === 0 ? 'Nobody needed muting: every member was already muted' : `Muted ${ack.muted.map((p) => p.displayName).join(', ')}`), [run]);
  const askUnmute = useCallback((p: Participant) => run(p.id, 'moderation:ask-unmute', { participantId: p.id }, () => `Asked ${p.displayName} to unmute; they decide`), [run]);
  const stopVideo = useCallback((p: Participant) => run(p.id, 'moderation:stop-video', { participantId: p.id }, () => `Stopped ${p.displayName}'s camera`), [run]);
  const ban = useCallback((p: Participant) => run(p.id, 'moderation:ban', { participantId: p.id }, () => `${p.displayName} was removed and cannot rejoin this session`), [run]);
  const setLocked = useCallback(async (locked: boolean) => {
    const ack = await run('lock', 'moderation:lock', { locked }, () => (locked ? 'The session is locked: nobody new can join' : 'The session is unlocked: new people can join'));
    if (ack.ok) {
      settingsRef.current = ack.settings;
      setSettings(ack.settings);
    }
  }, [run]);
  const setWaitingRoom = useCallback(async (enabled: boolean) => {
    const ack = await run('waiting-room', 'moderation:waiting-room', { enabled }, () =>
      (enabled ? 'Waiting room on: members wait until you admit them' : 'Waiting room off: members come straight in'));
    if (ack.ok) {
      settingsRef.current = ack.settings;
      setSettings(ack.settings);
    }
  }, [run]);
  const admit = useCallback((w: WaitingEntry) => run(w.participantId, 'waiting:admit', { participantId: w.participantId }, () => `${w.displayName} is coming in`), [run]);
  const decline = useCallback((w: WaitingEntry) => run(w.participantId, 'waiting:decline', { participantId: w.participantId }, () => `${w.displayName} was told kindly that they cannot join just now`), [run]);
  const sendWaitingMessage = useCallback(async (w: WaitingEntry, body: string) => {
    const ack = await command('waiting:message', { participantId: w.participantId, body });
    if (ack.ok) setMessages((all) => [...all, ack.message]);
    else notify(ack.error.message);
    return ack.ok;
  }, [command, notify]);

  // Mute and Remove answer with the person's new state; the participants panel says the outcome.
  const mute = useCallback(async (participantId: string) => {
    const ack = await command('moderation:mute', { participantId });
    if (ack.ok) noteParticipant(ack.participant);
    return ack;
  }, [command, noteParticipant]);
  const remove = useCallback(async (participantId: string) => {
    const ack = await command('moderation:remove', { participantId });
    if (ack.ok) noteParticipantLeft(participantId);
    return ack;
  }, [command, noteParticipantLeft]);

  const answerUnmute = useCallback(async (accepted: boolean) => {
    setUnmuteAsk(null);
    // Their own microphone first (their own media:state), then the answer the facilitator sees.
    if (accepted) latest.current.onUnmuteSelf();
    const ack = await command('moderation:answer-unmute', { accepted });
    if (!ack.ok && ack.error.code !== 'not_found') notify(ack.error.message);
  }, [command, notify]);

  return {
    facilitator, settings, waiting, messages, unmuteAsk, pending,
    mute, remove, muteAll, askUnmute, stopVideo, ban, setLocked, setWaitingRoom, admit, decline, sendWaitingMessage, answerUnmute,
  };
}
export type Moderation = ReturnType<typeof useModerationState>;
