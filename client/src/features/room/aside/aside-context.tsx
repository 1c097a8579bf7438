import { createContext, useContext } from 'react';
import type { DistressAlert } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import type { Aside } from './use-aside';

/**
 * The pull-aside's actions, for the support requests list without threading props through it.
 * Absent (null) outside a room, where the button below renders nothing.
 */
export const AsideContext = createContext<Aside | null>(null);

/**
 * "Talk privately (audio and video)" on a facilitator's support request. The server decides who the
 * conversation is with (the person who made the request); this button only names the request.
 */
export function TalkPrivatelyButton({ alert }: { alert: DistressAlert }) {
  const aside = useContext(AsideContext);
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
