import { AccessToken } from 'livekit-server-sdk';
import type { Role } from '@hearth/shared';
import type { LiveKitConfig } from '../../config.js';
import { joinGrantFor } from './livekit-grants.js';

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
