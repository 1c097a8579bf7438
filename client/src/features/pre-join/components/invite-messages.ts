import type { ClientError } from '../../../lib/errors';

/**
 * What a member sees when their invite link cannot be used. Often they are nervous, so the wording
 * is calm, blames nobody, and says what they can do next.
 */
export function inviteProblem(error: ClientError): { title: string; message: string; canRetry: boolean } {
  switch (error.code) {
    case 'invite_invalid':
    case 'not_found':
      return { title: "This link doesn't work", canRetry: false,
        message: "This invite link isn't valid. Check that you copied the whole link, or ask the person who invited you for a new one." };
    case 'invite_expired':
      return { title: 'This link has expired', canRetry: false,
        message: 'Invite links only work for a while, to keep the group private. The person who invited you can send you a new one.' };
    case 'invite_revoked':
      return { title: 'This link is no longer active', canRetry: false,
        message: 'This invite link has been withdrawn. If you would still like to join, ask the person who invited you for a new one.' };
    case 'invite_used_up':
      return { title: 'This link has already been used', canRetry: false,
        message: 'Everyone this link was meant for has already used it. If you would still like to join, ask the person who invited you for a new one.' };
    case 'removed':
      return { title: "You can't rejoin this session", canRetry: false,
        message: 'A facilitator removed you from this session, so this link no longer works for you. You are welcome to contact the person who invited you.' };
    case 'session_ended':
      return { title: 'This session has ended', canRetry: false, message: 'Thank you for being part of it.' };
    case 'banned':
      return { title: "You can't rejoin this session", canRetry: false,
        message: 'A facilitator has removed you from this session, and you cannot rejoin it. You are welcome to contact the person who invited you.' };
    case 'session_locked':
      return { title: 'This session is locked', canRetry: true,
        message: 'The facilitator has locked this session, so nobody new can join right now. Please contact your facilitator, or try again later.' };
    case 'observation_off':
      return { title: 'Observation is turned off', canRetry: false,
        message: 'This group has turned observation off, so this supervisor link does not work for now. The facilitator can turn it on again in the group’s settings.' };
    case 'rate_limited':
      return { title: 'Please wait a moment', canRetry: true, message: 'There were many attempts just now. Please wait a minute and try again.' };
    default:
      return { title: "We couldn't open this invite", canRetry: true, message: error.message };
  }
}

/**
 * Link problems where a credential already stored for this tab still lets the member back in: the
 * link was used up (by them) or has expired since they joined (expiry limits redeeming only).
 */
export function storedCredentialStillUsable(error: ClientError): boolean {
  // A lock keeps out only people who were never in: someone already admitted comes back with their credential.
  return error.code === 'invite_used_up' || error.code === 'invite_expired' || error.code === 'session_locked';
}
