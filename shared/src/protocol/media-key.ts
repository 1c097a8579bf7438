import Type from 'typebox';

/**
 * [LE4] Which slot of livekit-client's key ring a session's end-to-end key goes in, computed from the key
 * itself so the server and every client agree without sending or storing anything more: the key's first
 * byte, modulo the ring's 16 slots. Each frame names its slot, so when the key is rotated a receiver
 * still holding the old key in its slot decodes frames sent before the switch, and the new key never
 * overwrites the old one mid-flight (the server draws new keys until the slot differs from the last).
 */
export const MEDIA_KEY_SLOTS = 16;

export function mediaKeySlot(base64Key: string): number {
  return atob(base64Key).charCodeAt(0) % MEDIA_KEY_SLOTS;
}

/** [LE4] The session's new end-to-end key (base64 of 32 random bytes), after a removal or a ban. */
export const MediaKeySchema = Type.Object({ e2eeKey: Type.String({ minLength: 44, maxLength: 44 }) });
