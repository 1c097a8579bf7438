/**
 * The room feature's entry, loaded lazily (with socket.io-client and the media layer) only once a
 * person presses Join. The room session owns the socket (who is here); each part of the room
 * (media, the pull-aside, moderation, distress, floor, talk time, rules, chat) is a provider that reads it and
 * keeps its own state, mounted for the whole visit so no fact is missed between joining and the first
 * render. The screen then shows the moment the person is in: joining, in the call, waiting to be let
 * in, left, closed or refused.
 */
import type { RoomCredential } from '@hearth/shared';
import { Button } from '../../components/ui/button';
import { AsideProvider } from './aside';
import { ChatProvider } from './chat';
import { DistressProvider } from './distress';
import { FloorProvider } from './floor';
import { RoomMediaProvider } from './media';
import { ModerationProvider, WaitingRoom } from './moderation';
import { RoomView } from './room-view';
import { ReactionsProvider } from './reactions';
import { RulesProvider } from './rules';
import { closedMessage, refusedMessage, RoomMessage, RoomSessionProvider, useRoomSession, type MediaFlags, type RoomExitMessage } from './session';
import { TalkTimeProvider } from './talk-time';
import '../../styles/room.css';

export interface RoomPageProps {
  credential: RoomCredential;
  displayName: string;
  /** Acquired on the pre-join screen. */
  localStream: MediaStream;
  initial: MediaFlags;
  /** Join again with fresh devices (after Leave, or a recoverable refusal). */
  onRejoin: (flags: MediaFlags) => void;
  /** Back to the pre-join screen (the credential was not accepted; a new one is needed). */
  onReturnToPreJoin: () => void;
  /** The stored credential will never work again (removed, ended, revoked). */
  onCredentialRejected: () => void;
}

export function RoomPage({ localStream, ...session }: RoomPageProps) {
  return (
    <RoomSessionProvider {...session}>
      <RoomMediaProvider localStream={localStream}>
        <AsideProvider>
          <ModerationProvider>
            <DistressProvider>
              <FloorProvider>
                <TalkTimeProvider>
                  <RulesProvider>
                    <ChatProvider>
                      <ReactionsProvider>
                        <RoomScreen />
                      </ReactionsProvider>
                    </ChatProvider>
                  </RulesProvider>
                </TalkTimeProvider>
              </FloorProvider>
            </DistressProvider>
          </ModerationProvider>
        </AsideProvider>
      </RoomMediaProvider>
    </RoomSessionProvider>
  );
}

function RoomScreen() {
  const { state, call, rejoin, returnToPreJoin } = useRoomSession();

  const exitActions = (message: RoomExitMessage) => {
    switch (message.action) {
      case 'reload':
        return <Button variant="primary" onClick={() => window.location.reload()}>Reload page</Button>;
      case 'rejoin':
        return <Button variant="primary" onClick={rejoin}>Rejoin</Button>;
      case 'pre-join':
        return <Button variant="primary" onClick={returnToPreJoin}>Join again</Button>;
      default:
        return null;
    }
  };

  switch (state.phase.kind) {
    case 'left':
      return (
        <RoomMessage title="You left the session" message="You can rejoin while the session is still running.">
          <Button variant="primary" onClick={rejoin}>Rejoin</Button>
        </RoomMessage>
      );
    case 'closed': {
      const message = closedMessage(state.phase.reason);
      return <RoomMessage title={message.title} message={message.message}>{exitActions(message)}</RoomMessage>;
    }
    case 'refused': {
      // [MD9] The session has a waiting room: wait there (on this connection), then join afresh once admitted.
      if (state.phase.error.code === 'admission_required') return <WaitingRoom />;
      const message = refusedMessage(state.phase.error);
      return <RoomMessage title={message.title} message={message.message}>{exitActions(message)}</RoomMessage>;
    }
    default:
      break;
  }
  if (!call) {
    return (
      <RoomMessage busy title="Joining the session…"
        message={state.phase.kind === 'reconnecting' ? 'We are having trouble reaching the session. Still trying…' : 'This usually takes a few seconds.'} />
    );
  }
  return <RoomView />;
}
