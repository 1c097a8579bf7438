import { AccessToken } from 'livekit-server-sdk';
import type { Role } from '@hearth/shared';
import type { LiveKitConfig } from '../../config.js';
import { asideGrantFor, joinGrantFor } from './livekit-grants.js';

/**
 * Join tokens are short-lived: the SFU refreshes the token of a connected participant by itself, so
 * the TTL only bounds how long a leaked token can open the room. A participant who leaves gets a new
 * one from the next `room:join`, which is checked again (removed participants never reach it).
 */
export const JOIN_TOKEN_TTL_SECONDS = 10 * 60;

export interface JoinTokenSubject {
  sessionId: string;
  participantId: string;
  displayName: string;
  role: Role;
  /** False while floor control withholds the microphone from this participant. */
  mayPublishAudio?: boolean;
}

export async function mintJoinToken(config: LiveKitConfig, subject: JoinTokenSubject): Promise<string> {
  const token = new AccessToken(config.apiKey, config.apiSecret, {
    identity: subject.participantId,
    name: subject.displayName,
    ttl: JOIN_TOKEN_TTL_SECONDS,
  });
  token.addGrant(joinGrantFor(subject.role, subject.sessionId, { mayPublishAudio: subject.mayPublishAudio ?? true }));
  return token.toJwt();
}

/** [LR16] The name of a pull-aside's LiveKit room: the session's room name, then the aside's id. */
export function asideRoomName(sessionId: string, asideId: string): string {
  return `${sessionId}${ASIDE_ROOM_INFIX}${asideId}`;
}

const ASIDE_ROOM_INFIX = '.aside.';

/** [LR16] The session and aside a LiveKit room name belongs to, if it is a pull-aside's room. */
export function parseAsideRoom(room: string): { sessionId: string; asideId: string } | undefined {
  const at = room.indexOf(ASIDE_ROOM_INFIX);
  if (at <= 0) return undefined;
  return { sessionId: room.slice(0, at), asideId: room.slice(at + ASIDE_ROOM_INFIX.length) };
}

/** [LR16] A token for a pull-aside's room, for one of its two people. */
export async function mintAsideToken(config: LiveKitConfig, subject: { room: string; participantId: string; displayName: string }): Promise<string> {
  const token = new AccessToken(config.apiKey, config.apiSecret, { identity: subject.participantId, name: subject.displayName, ttl: JOIN_TOKEN_TTL_SECONDS });
  token.addGrant(asideGrantFor(subject.room));
  return token.toJwt();
}
