/**
 * Private text for this person: the conversation on their own support request (a member, or a
 * co-facilitator who asked), the conversations on others' requests and the backchannel (facilitators
 * and co-facilitators). State is the pure reducer in model/conversations-state.ts; this hook wires it
 * to the room socket. The server alone decides who receives a message; nothing here names a recipient.
 *
 * History is fetched each time a conversation opens, and again for open ones after a rejoin: facts
 * sent while this client was away are not replayed, and merging by id makes fetching again harmless.
 */
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import { isFacilitatorRole, type DistressAlert, type Role } from '@hearth/shared';
import {
  conversationsReducer,
  initialConversationsState,
  openThreadKeys,
  sendableBody,
  caseKey,
  type ThreadKey,
  type Where,
} from './conversations-state';
import type { RoomCommand, RoomListen } from '../../session';

interface Options {
  /** This participant, once joined. */
  self: { id: string; role: Role } | null;
  /** The person's own latest request, whose conversation appears as soon as a facilitator writes. */
  ownAlertId: string | null;
  /** Others' requests as a facilitator sees them (for names in announcements). */
  alerts: readonly DistressAlert[];
  /** A new value on every (re)join. */
  joinedWith: unknown;
  command: RoomCommand;
  listen: RoomListen;
}

const nothingToSend = { code: 'invalid_payload', message: 'Write a message first.' } as const;

function alertIdOf(key: ThreadKey): string | null {
  return key.startsWith('case:') ? key.slice('case:'.length) : null;
}

export function useConversationsState({ self, ownAlertId, alerts, joinedWith, command, listen }: Options) {
  const [state, dispatch] = useReducer(conversationsReducer, initialConversationsState);
  const facilitator = self !== null && isFacilitatorRole(self.role);
  const now = { facilitator, ownAlertId, alerts, command, state, openKeys: openThreadKeys(state) };
  // A plain ref (not lib/use-latest), so the React Compiler knows reads of it inside callbacks are not dependencies.
  const latest = useRef(now);
  useLayoutEffect(() => {
    latest.current = now;
  });
  // A ref, not state: a double press must not send the same message twice before React re-renders.
  const sending = useRef(new Set<ThreadKey>());

  const loadHistory = useCallback(async (key: ThreadKey) => {
    dispatch({ type: 'history-started', key });
    const alertId = alertIdOf(key);
    const ack = alertId === null
      ? await latest.current.command('backchannel:history', {})
      : await latest.current.command('case:history', { alertId });
    if (ack.ok) dispatch({ type: 'history-loaded', key, messages: ack.messages });
    else dispatch({ type: 'history-failed', key, error: ack.error });
  }, [latest]);

  useEffect(() => listen((fact) => {
    if (fact.name === 'backchannel:message') {
      return dispatch({ type: 'received', key: 'backchannel', message: fact.payload, where: { kind: 'backchannel' } });
    }
    if (fact.name !== 'case:message') return;
    const { alertId, message } = fact.payload;
    const key = caseKey(alertId);
    const facilitator = latest.current.facilitator;
    // A member only ever hears about their own request; so does a co-facilitator about the one they raised.
    const mine = alertId === latest.current.ownAlertId || !facilitator;
    const alert = latest.current.alerts.find((a) => a.id === alertId);
    const where: Where = mine ? { kind: 'case', viewer: 'member' } : {
      kind: 'case', viewer: 'facilitator',
      participantId: alert?.participantId ?? message.from.id, name: alert?.displayName ?? message.from.displayName,
    };
    // The person's own conversation appears when a facilitator writes, unless they closed it themselves.
    const thread = latest.current.state.threads[key];
    dispatch({ type: 'received', key, message, where, reveal: mine });
    if (mine && !thread?.open && !thread?.closedByPerson) void loadHistory(key);
  }), [listen, latest, loadHistory]);

  // After a rejoin, fill in whatever open conversations missed while the connection was down.
  const reloadOpen = useCallback(() => {
    for (const key of latest.current.openKeys) void loadHistory(key);
  }, [latest, loadHistory]);
  useEffect(() => {
    if (joinedWith !== null) reloadOpen();
  }, [joinedWith, reloadOpen]);

  const open = useCallback((key: ThreadKey) => {
    dispatch({ type: 'opened', key });
    void loadHistory(key);
  }, [loadHistory]);

  const close = useCallback((key: ThreadKey) => dispatch({ type: 'closed', key }), []);

  const toggle = useCallback((key: ThreadKey) => {
    if (latest.current.state.threads[key]?.open) close(key);
    else open(key);
  }, [latest, open, close]);

  const changeDraft = useCallback((key: ThreadKey, draft: string) => dispatch({ type: 'draft-changed', key, draft }), []);

  const send = useCallback(async (key: ThreadKey) => {
    if (sending.current.has(key)) return;
    const draft = latest.current.state.threads[key]?.draft ?? '';
    const body = sendableBody(draft);
    if (body === null) return dispatch({ type: 'send-failed', key, error: nothingToSend });
    sending.current.add(key);
    dispatch({ type: 'send-started', key, body });
    const alertId = alertIdOf(key);
    const ack = alertId === null
      ? await latest.current.command('backchannel:message', { body })
      : await latest.current.command('case:message', { alertId, body });
    sending.current.delete(key);
    if (ack.ok) dispatch({ type: 'send-succeeded', key, message: ack.message });
    else dispatch({ type: 'send-failed', key, error: ack.error });
  }, [latest]);

  /** The person's own request's conversation: the latest they raised, or (after a reload) the one a facilitator wrote in. */
  const ownKey: ThreadKey | null = ownAlertId !== null ? caseKey(ownAlertId) : state.ownCase;

  return { state, ownKey, open, close, toggle, changeDraft, send, loadHistory };
}

export type Conversations = ReturnType<typeof useConversationsState>;
