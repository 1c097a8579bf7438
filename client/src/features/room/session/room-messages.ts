/**
 * The words for the moments a person's place in the room ends or cannot begin. Calm, specific, and
 * always saying what they can do next.
 */
import type { ClientError, ClientErrorCode } from '../../../lib/errors';
import type { ClosedReason } from './room-state';

export type RoomExitAction = 'rejoin' | 'reload' | 'pre-join' | null;

export interface RoomExitMessage {
  title: string;
  message: string;
  action: RoomExitAction;
}

export function closedMessage(reason: ClosedReason): RoomExitMessage {
  switch (reason) {
    case 'removed':
      return { title: 'You are no longer in this session', message: 'A facilitator removed you from this session.', action: null };
    case 'session_ended':
      return { title: 'Thank you for coming', message: 'This session has ended.', action: null };
    case 'replaced':
      return { title: 'This session is open somewhere else', message: 'You joined from another tab.', action: 'rejoin' };
    case 'banned':
      return { title: 'You are no longer in this session', message: 'A facilitator has removed you from this session, and you cannot rejoin it.', action: null };
    case 'observation_off':
      return { title: 'Observation has been turned off', message: 'The group has turned observation off, so this session can no longer be observed.', action: null };
  }
}

export function refusedMessage(error: ClientError): RoomExitMessage {
  switch (error.code) {
    case 'protocol_mismatch':
      return { title: 'Hearth has been updated', message: 'Please reload the page to join with the latest version.', action: 'reload' };
    case 'removed':
      return closedMessage('removed');
    case 'banned':
      return closedMessage('banned');
    case 'observation_off':
      return closedMessage('observation_off');
    case 'session_locked':
      return { title: 'This session is locked', message: error.message, action: null };
    case 'session_ended':
      return closedMessage('session_ended');
    case 'invite_revoked':
    case 'invite_expired':
      return { title: 'This invite no longer works', message: 'This invite link has expired or been withdrawn. Please ask the person who invited you for a new one.', action: null };
    case 'unauthenticated':
      return { title: "We couldn't confirm your place", message: 'Your place in this session could not be confirmed. Please join again.', action: 'pre-join' };
    case 'consent_required':
      // The ground rules changed since this person agreed: the pre-join page shows them again.
      return { title: 'Please read the ground rules', message: error.message, action: 'pre-join' };
    case 'room_full':
      // The server's message says why (the peer-to-peer limit) and what would help (LiveKit mode).
      return { title: 'The room is full right now', message: error.message, action: 'rejoin' };
    case 'unexpected_response':
      // The page and the server disagree; running the same page again would fail the same way.
      return { title: "We couldn't connect you", message: error.message, action: 'reload' };
    default:
      return { title: "We couldn't connect you", message: error.message, action: 'rejoin' };
  }
}

/** Codes after which the stored credential is useless and should be forgotten. */
export function credentialRejected(code: ClientErrorCode): boolean {
  return code === 'removed' || code === 'banned' || code === 'session_ended' || code === 'unauthenticated'
    || code === 'invite_revoked' || code === 'invite_expired';
}
