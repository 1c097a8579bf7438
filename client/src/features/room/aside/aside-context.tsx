/**
 * The pull-aside part of the room: a facilitator's private audio/video conversation with the person who
 * made a support request, and the way back to the group. The server chooses both people; this part only
 * keeps the media connection in step with what it said (use-aside.ts).
 */
import type { ReactNode } from 'react';
import type { DistressAlert } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { useRoomMedia } from '../media';
import { createPartContext } from '../session';
import { useRoomSession } from '../session';
import { useAsideState, type Aside } from './use-aside';

const [Provider, useAsideContext, useOptionalAside] = createPartContext<Aside>('The pull-aside');

/** The pull-aside; throws outside <AsideProvider>. */
export const useAside = useAsideContext;

export function AsideProvider({ children }: { children: ReactNode }) {
  const { state, command, listen, notify } = useRoomSession();
  const { connection } = useRoomMedia();
  const aside = useAsideState({ inRoom: state.phase.kind === 'in-room', connection, command, listen, notify });
  return <Provider value={aside}>{children}</Provider>;
}

/**
 * "Talk privately (audio and video)" on a facilitator's support request. The server decides who the
 * conversation is with (the person who made the request); this button only names the request.
 * Outside a room (no pull-aside part) it renders nothing.
 */
export function TalkPrivatelyButton({ alert }: { alert: DistressAlert }) {
  const aside = useOptionalAside();
  if (!aside || alert.status === 'resolved') return null;
  const inAside = aside.state.mine !== null;
  if (aside.state.mine?.with.id === alert.participantId) return null; // the private panel is open
  const unavailable = inAside || aside.pending !== null;
  return (
    <Button variant="secondary" className="talk-privately" aria-disabled={unavailable || undefined}
      onClick={() => { if (!unavailable) void aside.start(alert.id); }}>
      Talk privately (audio and video)<span className="visually-hidden"> with {alert.displayName}</span>
    </Button>
  );
}
