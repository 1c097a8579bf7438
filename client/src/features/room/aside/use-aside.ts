/**
 * The pull-aside for this person: starting one (facilitators, from a support request), returning to
 * the group (either of the two), and keeping the media connection in step with what the server said.
 * State is the pure reducer in model/aside-state.ts. The server chooses both people; nothing here
 * names a recipient.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { CommandPayload } from '@hearth/shared';
import type { MediaConnection } from '../../../media';
import { asideReducer, initialAsideState } from './aside-state';
import type { RoomCommand, RoomListen } from '../session';

interface Options {
  /** Whether this client is in the room now; anything else forgets the aside (see aside-state.ts). */
  inRoom: boolean;
  connection: MediaConnection | null;
  command: RoomCommand;
  listen: RoomListen;
  notify: (text: string) => void;
}

export function useAsideState({ inRoom, connection, command, listen, notify }: Options) {
  const [state, dispatch] = useReducer(asideReducer, initialAsideState);
  const [pending, setPending] = useState<'start' | 'end' | null>(null);
  const busy = useRef(false);

  useEffect(() => listen((fact) => {
    switch (fact.name) {
      case 'aside:started':
        return dispatch({ type: 'started', aside: fact.payload });
      case 'aside:ended':
        return dispatch({ type: 'ended', asideId: fact.payload.asideId, reason: fact.payload.reason });
      case 'aside:away':
        return dispatch({ type: 'away', participantIds: fact.payload.participantIds });
      default:
        return;
    }
  }), [listen]);

  useEffect(() => {
    if (!inRoom) dispatch({ type: 'reset' });
  }, [inRoom]);

  // The media layer follows the server's word: private while `mine` is set, the group otherwise.
  const partnerId = state.mine?.with.id ?? null;
  const media = state.mine?.media;
  useEffect(() => {
    if (!connection) return;
    if (partnerId) connection.startAside(partnerId, media);
    else connection.endAside();
  }, [connection, partnerId, media]);

  const { announcement } = state;
  useEffect(() => {
    if (announcement) notify(announcement);
  }, [announcement, notify]);

  const run = useCallback(async <E extends 'aside:start' | 'aside:end'>(name: E, payload: CommandPayload<E>) => {
    if (busy.current) return;
    busy.current = true;
    setPending(name === 'aside:start' ? 'start' : 'end');
    try {
      const ack = await command(name, payload);
      if (!ack.ok) notify(ack.error.message);
      else if ('aside' in ack) dispatch({ type: 'started', aside: ack.aside });
    } finally {
      busy.current = false;
      setPending(null);
    }
  }, [command, notify]);

  /** Facilitators: a private audio/video conversation with the person who made this request. */
  const start = useCallback((alertId: string) => run('aside:start', { alertId }), [run]);
  /** Either of the two: back to the group. */
  const end = useCallback(() => run('aside:end', {}), [run]);

  return { state, pending, start, end };
}

export type Aside = ReturnType<typeof useAsideState>;
