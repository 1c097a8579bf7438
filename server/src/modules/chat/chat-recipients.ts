import { mayReadChat, type ChatAudience } from '@hearth/shared';
import type { Reachable } from '../recipients/index.js';

/**
 * [CH1] [CH2] The connections that read a message written for `audience`: only people admitted to this
 * session's room (so never someone still waiting, never anyone in another session), filtered by role.
 */
export function chatReaders(presences: readonly Reachable[], audience: ChatAudience): string[] {
  return presences.filter((p) => mayReadChat(audience, p.participant.role)).map((p) => p.connectionId);
}
