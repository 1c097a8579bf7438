/**
 * The private distress channel for this person: asking for support (any role but the facilitator)
 * and, for facilitators and co-facilitators, hearing and acknowledging others' requests. State is the
 * pure reducer in distress-state.ts (own-request-state.ts for the person's own request); this hook wires it to the room socket and plays the tone.
 * The server alone decides who receives an alert; nothing here chooses a recipient.
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { DistressLevel } from '@hearth/shared';
import { useLatest } from '../../../lib/use-latest';
import { createGentleTone, type GentleTone } from '../media';
import { amendPayload, distressReducer, initialDistressState, raisePayload, tapSends, type DistressDraft } from './distress-state';
import type { RoomCommand, RoomListen } from '../session';

interface Options {
  /** This participant, once joined. */
  selfId: string | null;
  command: RoomCommand;
  listen: RoomListen;
}

export function useDistressState({ selfId, command, listen }: Options) {
  const [state, dispatch] = useReducer(distressReducer, initialDistressState);
  const latest = useLatest({ selfId, command, member: state.member });
  // Refs, not state: a double press must not send twice before React has re-rendered.
  const sending = useRef(false);
  const amending = useRef(false);

  useEffect(() => listen((fact) => {
    switch (fact.name) {
      case 'distress:alert':
      case 'distress:acknowledged':
      case 'distress:updated':
        // A co-facilitator's own request is for the others to answer (the server already keeps it from them).
        if (fact.payload.participantId === latest.current.selfId) return;
        return dispatch({ type: fact.name === 'distress:alert' ? 'alert' : 'alert-changed', alert: fact.payload });
      case 'distress:seen':
        return dispatch({ type: 'seen', fact: fact.payload });
      case 'distress:closed':
        return dispatch({ type: 'closed', alertId: fact.payload.alertId });
      default:
        // Conversation facts are for use-conversations.
        return;
    }
  }), [listen, latest]);

  const toneRef = useRef<GentleTone | null>(null);
  useEffect(() => {
    const tone = createGentleTone();
    toneRef.current = tone;
    return () => tone.close();
  }, []);
  const { announcement } = state;
  useEffect(() => {
    if (announcement) toneRef.current?.play();
  }, [announcement]);

  /** Sends the request with whatever the panel holds: the default level on a first tap, everything typed on a retry. */
  const raise = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    dispatch({ type: 'send-started' });
    const payload = raisePayload(latest.current.member.draft);
    const ack = await latest.current.command('distress:raise', payload);
    sending.current = false;
    if (!ack.ok) return dispatch({ type: 'send-failed', error: ack.error });
    const { ok: _ok, ...result } = ack;
    dispatch({ type: 'send-succeeded', result, payload });
  }, [latest]);

  /** [DS16] "I need support": sends at once unless a request is already open (then it only shows it again). */
  const tap = useCallback(() => {
    // Read before dispatching: the decision is about the state the person saw when they pressed.
    const sends = tapSends(latest.current.member) && !sending.current;
    dispatch({ type: 'tapped' });
    if (sends) void raise();
  }, [latest, raise]);

  /** [DS15] The level and note after the tap: only what changed; nothing changed simply folds the panel away. */
  const amend = useCallback(async () => {
    const { member } = latest.current;
    if (!member.sent || member.sent.closed || amending.current) return;
    const payload = amendPayload(member.draft, member.sent);
    if (!payload) return dispatch({ type: 'panel-closed' });
    amending.current = true;
    dispatch({ type: 'amend-started' });
    const ack = await latest.current.command('distress:amend', payload);
    amending.current = false;
    dispatch(ack.ok ? { type: 'amend-succeeded', payload } : { type: 'amend-failed', error: ack.error });
  }, [latest]);

  /** The panel's main button: "Try again" while the request has not gone through, "Add to my request" after. */
  const submit = useCallback(() => {
    const { member } = latest.current;
    if (member.sending) return;
    if (tapSends(member)) void raise();
    else void amend();
  }, [latest, raise, amend]);

  const acknowledge = useCallback(async (alertId: string) => {
    const ack = await latest.current.command('distress:acknowledge', { alertId });
    if (ack.ok) dispatch({ type: 'alert-changed', alert: ack.alert });
    return ack;
  }, [latest]);

  /** Escalate or resolve; the answer updates the list at once (the fact that follows changes nothing more). */
  const update = useCallback(async (alertId: string, action: 'escalate' | 'resolve') => {
    const ack = await latest.current.command('distress:update', { alertId, action });
    if (ack.ok) dispatch({ type: 'alert-changed', alert: ack.alert });
    return ack;
  }, [latest]);

  /** A facilitator opens a case about a member (who is not told); it joins this list as taken by them. */
  const openCase = useCallback(async (participantId: string, level: DistressLevel, note: string) => {
    const trimmed = note.trim();
    const ack = await latest.current.command('distress:open', trimmed ? { participantId, level, note: trimmed } : { participantId, level });
    if (ack.ok) dispatch({ type: 'alert-changed', alert: ack.alert });
    return ack;
  }, [latest]);

  /** [DS14] Brings the member of a case opened about them into its conversation. */
  const bringIn = useCallback(async (alertId: string) => {
    const ack = await latest.current.command('case:bring-in', { alertId });
    if (ack.ok) dispatch({ type: 'alert-changed', alert: ack.alert });
    return ack;
  }, [latest]);

  const closePanel = useCallback(() => dispatch({ type: 'panel-closed' }), []);
  const changeDraft = useCallback((draft: Partial<DistressDraft>) => dispatch({ type: 'draft-changed', draft }), []);

  return { state, tap, submit, acknowledge, update, openCase, bringIn, closePanel, changeDraft };
}

export type Distress = ReturnType<typeof useDistressState>;
