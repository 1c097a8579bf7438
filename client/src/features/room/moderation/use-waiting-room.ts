/**
 * [MD9] The waiting room for a member the server answered `admission_required`, on the room session's
 * connection (kept open for it): `waiting:enter` now and after every reconnect, the private conversation
 * with the facilitators, and then either admission (the room joins afresh) or a kind word (declined).
 */
import { useCallback, useEffect, useState } from 'react';
import type { WaitingMessage, WaitingWelcome } from '@hearth/shared';
import { useLatest } from '../../../lib/use-latest';
import { useRoomSession } from '../session';

export type WaitingPhase =
  | { kind: 'connecting' }
  | { kind: 'waiting'; welcome: WaitingWelcome }
  | { kind: 'declined'; message: string }
  | { kind: 'failed'; message: string };

export function useWaitingRoom() {
  const { command, listen, rejoin } = useRoomSession();
  const [phase, setPhase] = useState<WaitingPhase>({ kind: 'connecting' });
  const [messages, setMessages] = useState<WaitingMessage[]>([]);
  const [status, setStatus] = useState('');
  const admitted = useLatest(rejoin);

  useEffect(() => {
    let active = true;
    const enter = () => {
      void command('waiting:enter', {}).then((ack) => {
        if (!active) return;
        // Not connected just now: socket.io reconnects by itself, and `room:connected` enters again.
        if (!ack.ok && ack.error.code === 'not_in_room') return;
        if (!ack.ok) return setPhase({ kind: 'failed', message: ack.error.message });
        if (ack.status === 'admitted') return admitted.current();
        setPhase({ kind: 'waiting', welcome: ack });
      });
    };
    const off = listen((fact) => {
      switch (fact.name) {
        case 'room:connected':
          return enter();
        case 'waiting:message':
          setMessages((all) => [...all, fact.payload]);
          return setStatus(`New message from ${fact.payload.from.displayName}`);
        case 'waiting:decided':
          // The session has already closed the connection.
          if (fact.payload.decision === 'admitted') return admitted.current();
          return setPhase({ kind: 'declined', message: fact.payload.message });
        default:
          return undefined;
      }
    });
    enter();
    return () => {
      active = false;
      off();
    };
  }, [command, listen, admitted]);

  /** Sends the member's message to the facilitators; resolves to whether it went. */
  const send = useCallback(async (body: string) => {
    const ack = await command('waiting:message', { body });
    if (ack.ok) {
      setMessages((all) => [...all, ack.message]);
      setStatus('Message sent to the facilitators');
    } else setStatus(ack.error.message);
    return ack.ok;
  }, [command]);

  return { phase, messages, status, send };
}
