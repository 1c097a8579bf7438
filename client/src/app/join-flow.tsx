import { useState, type ReactNode } from 'react';
import type { RoomCredential, RoomRules, RuleSet } from '@hearth/shared';
import type { ApiResult } from '../lib/api';
import { getRoomRules } from '../features/rules/api/rules-api';
import { ConsentGate } from '../features/rules/components/consent-gate';
import { usePreviewMedia, type PreviewMedia } from '../features/pre-join/hooks/use-preview-media';
import type { JoinedRoom } from '../features/pre-join/types';
import { loadRoomPage } from './lazy-room';

type RoomPageComponent = Awaited<ReturnType<typeof loadRoomPage>>;

export interface JoinFlowProps {
  /** The pre-join screen for this kind of entry (member link or facilitator). */
  renderPreJoin: (preview: PreviewMedia, handlers: { onJoinStart: () => void; onJoined: (room: JoinedRoom) => void }) => ReactNode;
  /** Forget a stored credential the server will never accept again. */
  onCredentialRejected?: () => void;
  /**
   * Facilitators get a fresh credential on every rejoin: entering again (e.g. from another tab)
   * rotates their token, so the one this tab holds may be stale. Members keep theirs.
   */
  renewCredential?: (displayName: string) => Promise<ApiResult<RoomCredential>>;
}

/**
 * Pre-join and room in one place, so the camera acquired on the pre-join screen is handed straight
 * to the room, and leaving can come back here (Rejoin) with the same devices.
 */
export function JoinFlow({ renderPreJoin, onCredentialRejected, renewCredential }: JoinFlowProps) {
  const preview = usePreviewMedia();
  const [room, setRoom] = useState<{ joined: JoinedRoom; attempt: number } | null>(null);
  const [RoomPage, setRoomPage] = useState<RoomPageComponent | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [consent, setConsent] = useState<{ joined: JoinedRoom; rules: RoomRules & { ruleSet: RuleSet } } | null>(null);

  /**
   * [GR5] The consent gate: a member who has not agreed to the group's current ground rules reads and
   * agrees first. If this check fails, carry on: the server refuses the join and the room says why.
   */
  async function passGate(joined: JoinedRoom) {
    const rules = await getRoomRules(joined.credential.token);
    if (rules.ok && rules.value.consentRequired && rules.value.ruleSet) {
      setConsent({ joined, rules: { ...rules.value, ruleSet: rules.value.ruleSet } });
      return;
    }
    await enterRoom(joined);
  }

  /** The room chunk was requested at Join; show the room as soon as it is here (usually already). */
  async function enterRoom(joined: JoinedRoom) {
    try {
      const component = await loadRoomPage();
      setLoadFailed(false);
      setRoomPage(() => component);
      setRoom({ joined, attempt: 1 });
    } catch {
      setLoadFailed(true);
    }
  }
  const [rejoining, setRejoining] = useState(false);

  async function rejoin(flags: { audio: boolean; video: boolean }) {
    if (!room) return;
    setRejoining(true);
    let { credential } = room.joined;
    if (renewCredential) {
      const renewed = await renewCredential(room.joined.displayName);
      if (!renewed.ok) {
        // The pre-join screen explains what went wrong when the person tries again.
        setRejoining(false);
        return backToPreJoin();
      }
      credential = renewed.value;
    }
    // Leaving released the camera and microphone; ask for them again before rejoining.
    const fresh = await preview.restart(flags);
    setRejoining(false);
    setRoom({ joined: { ...room.joined, ...fresh, credential }, attempt: room.attempt + 1 });
  }

  async function backToPreJoin() {
    const flags = room ? { audio: room.joined.audio, video: room.joined.video } : { audio: true, video: true };
    setRoom(null);
    await preview.restart(flags);
  }

  if (!room && consent) {
    const { joined } = consent;
    return (
      <ConsentGate token={joined.credential.token} initial={consent.rules} onCancel={() => setConsent(null)}
        onAgreed={() => {
          setConsent(null);
          void enterRoom(joined);
        }} />
    );
  }
  if (!room || rejoining) {
    if (rejoining) {
      return (
        <div className="loading" aria-busy="true">
          <p>Rejoining…</p>
        </div>
      );
    }
    return (
      <>
        {loadFailed && (
          <p role="alert" className="form-error">
            The room could not be loaded. Please check your connection and press Join again.
          </p>
        )}
        {renderPreJoin(preview, {
          onJoinStart: () => void loadRoomPage().catch(() => undefined),
          onJoined: (joined) => void passGate(joined),
        })}
      </>
    );
  }

  if (!RoomPage) return null;
  return (
    <RoomPage
      key={room.attempt}
      credential={room.joined.credential}
      displayName={room.joined.displayName}
      localStream={room.joined.stream}
      initial={{ audio: room.joined.audio, video: room.joined.video }}
      onRejoin={(flags) => void rejoin(flags)}
      onReturnToPreJoin={() => void backToPreJoin()}
      onCredentialRejected={() => onCredentialRejected?.()}
    />
  );
}
