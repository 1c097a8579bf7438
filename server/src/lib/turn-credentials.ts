import { createHmac, randomBytes } from 'node:crypto';
import type { IceServer } from '@hearth/shared';

/** TURN_URLS, TURN_SECRET and TURN_TTL_SECONDS as the config checked them. */
export interface TurnSettings {
  urls: string[];
  secret: string;
  ttlSeconds: number;
}

export interface TurnCredential {
  username: string;
  credential: string;
  /** When coturn stops accepting it (ms since epoch, whole seconds). */
  expiresAt: number;
}

/**
 * The TURN REST API scheme coturn checks with `use-auth-secret`: the username is `<expiry unix>:<anything>`
 * and the password is base64 HMAC-SHA1 of the username, keyed with the shared secret. coturn refuses it
 * once the expiry has passed, so nothing has to be stored or revoked on either side.
 * [TN1] The part after the colon is random, never a name or participant id: coturn logs usernames, and a
 * relay's operator should not learn who talked to whom. [TN2] Expiry is now + TTL, so never beyond it.
 */
export function mintTurnCredential(secret: string, ttlSeconds: number, now: number, opaqueId: string = randomBytes(12).toString('base64url')): TurnCredential {
  const expiry = Math.floor(now / 1000) + ttlSeconds;
  const username = `${expiry}:${opaqueId}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential, expiresAt: expiry * 1000 };
}

/**
 * What a browser gets as RTCPeerConnection's iceServers: the plain ICE_SERVERS as configured, then the TURN
 * servers with a credential minted for this call (each join or preview gets its own, so a reconnect gets fresh ones).
 */
export function iceServersFor(iceServers: readonly IceServer[], turn: TurnSettings | null, now: number): IceServer[] {
  if (!turn) return [...iceServers];
  const { username, credential } = mintTurnCredential(turn.secret, turn.ttlSeconds, now);
  return [...iceServers, { urls: [...turn.urls], username, credential }];
}
