/**
 * [LE2] [LE4] livekit-client's end-to-end encryption with the session's key: a key provider and its
 * worker (which Vite bundles as its own file), one per livekit-client Room. The key is raw random bytes,
 * so livekit-client derives with HKDF; it goes in the ring slot the key itself names (mediaKeySlot), so a
 * rotated key is used for every frame sent from then on while frames still in flight under the old one
 * decode.
 */
import { createKeyMaterialFromBuffer, ExternalE2EEKeyProvider, isE2EESupported } from 'livekit-client';
import { mediaKeySlot } from '@hearth/shared';

class SlottedKeyProvider extends ExternalE2EEKeyProvider {
  async setKeyInSlot(key: ArrayBuffer, slot: number): Promise<void> {
    this.onSetEncryptionKey(await createKeyMaterialFromBuffer(key), undefined, slot);
  }
}

export interface SessionKey {
  options: { keyProvider: ExternalE2EEKeyProvider; worker: Worker };
  /** Encrypts from now on with this key (base64, as the server sends it); older keys still decrypt. */
  use(e2eeKey: string): Promise<void>;
}

export function sessionEncryption(): SessionKey {
  if (!isE2EESupported()) throw new Error('This browser cannot encrypt media end to end; please use a recent Chrome, Edge, Firefox or Safari.');
  const keyProvider = new SlottedKeyProvider();
  const worker = new Worker(new URL('livekit-client/e2ee-worker', import.meta.url));
  return { options: { keyProvider, worker }, use: (e2eeKey) => keyProvider.setKeyInSlot(keyBytes(e2eeKey), mediaKeySlot(e2eeKey)) };
}

/** The session's key as sent (base64 of 32 random bytes) back to bytes. */
function keyBytes(base64: string): ArrayBuffer {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}
