/**
 * Keeps a member's room credential in sessionStorage, keyed by the invite token, so that reloading
 * the tab rejoins as the same person without spending another use of the link. sessionStorage (not
 * localStorage) so the credential dies with the tab. Storage can throw (private modes, quotas); a
 * failure only means the member redeems again, so errors are swallowed.
 */
import { RoomCredentialSchema, check, type RoomCredential } from '@hearth/shared';

const keyFor = (inviteToken: string) => `hearth:credential:${inviteToken}`;

export function loadCredential(inviteToken: string): RoomCredential | null {
  try {
    const raw = sessionStorage.getItem(keyFor(inviteToken));
    if (raw === null) return null;
    const value: unknown = JSON.parse(raw);
    return check(RoomCredentialSchema, value) ? value : null;
  } catch {
    return null;
  }
}

export function saveCredential(inviteToken: string, credential: RoomCredential): void {
  try {
    sessionStorage.setItem(keyFor(inviteToken), JSON.stringify(credential));
  } catch {
    // Not fatal: the member simply redeems the link again after a reload.
  }
}

export function clearCredential(inviteToken: string): void {
  try {
    sessionStorage.removeItem(keyFor(inviteToken));
  } catch {
    // Nothing to do: the stored value is unreadable anyway.
  }
}
