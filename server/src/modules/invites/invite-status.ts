import type { ErrorCode, InviteStatusSchema } from '@hearth/shared';
import type Type from 'typebox';

export type InviteStatus = Type.Static<typeof InviteStatusSchema>;

export interface InviteTerms {
  expiresAt: number;
  revokedAt: number | null;
  maxUses: number;
  uses: number;
}

/** Revocation wins over expiry, which wins over use count: the message a person sees is the most decisive reason. */
export function inviteStatus(invite: InviteTerms, now: number): InviteStatus {
  if (invite.revokedAt !== null) return 'revoked';
  if (invite.expiresAt <= now) return 'expired';
  if (invite.uses >= invite.maxUses) return 'used_up';
  return 'active';
}

export const inviteRefusal: Record<Exclude<InviteStatus, 'active'>, { code: ErrorCode; message: string }> = {
  revoked: { code: 'invite_revoked', message: 'This invite link has been withdrawn. Please ask your facilitator for a new one.' },
  expired: { code: 'invite_expired', message: 'This invite link has expired. Please ask your facilitator for a new one.' },
  used_up: { code: 'invite_used_up', message: 'This invite link has already been used. Please ask your facilitator for your own link.' },
};
