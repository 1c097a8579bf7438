import { mediaKeySlot } from '@hearth/shared';
import { newMediaKey } from '../../lib/index.js';
import type { HearthServer } from '../../realtime/index.js';
import type { Services } from '../../services.js';

/**
 * [LE4] Someone removed or banned from a session whose media is end-to-end encrypted held its key: a
 * LiveKit token of theirs that still opened the SFU room (or a recording of its packets) must not decode
 * anything said after they left. So the server draws a new key, stores it (so later joins get it), and
 * sends it (`media:key`) to the people in the room now and nobody else: the removed person has already
 * left it when this runs. Every client encrypts with the new key from then on; frames under the old key
 * still in flight decode, because the new key takes another slot of the key ring (mediaKeySlot).
 */
export async function rotateMediaKey(io: HearthServer, services: Pick<Services, 'rooms' | 'sessions'>, sessionId: string): Promise<boolean> {
  const old = await services.sessions.mediaKey(sessionId);
  if (!old) return false;
  let key = newMediaKey();
  while (mediaKeySlot(key) === mediaKeySlot(old)) key = newMediaKey();
  if (!(await services.sessions.replaceMediaKey(sessionId, key))) return false;
  for (const presence of services.rooms.list(sessionId)) io.to(presence.connectionId).emit('media:key', { e2eeKey: key });
  return true;
}
