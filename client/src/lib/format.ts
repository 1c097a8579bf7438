import type { Invite, Role } from '@hearth/shared';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(ms: number): string {
  return dateTime.format(new Date(ms));
}

export function roleLabel(role: Role): string {
  switch (role) {
    case 'facilitator':
      return 'Facilitator';
    case 'co_facilitator':
      return 'Co-facilitator';
    case 'member':
      return 'Member';
    case 'supervisor':
      // Only staff ever see this label: the server never tells members a supervisor is there.
      return 'Supervisor (hidden from members)';
  }
}

export function inviteStatusLabel(status: Invite['status']): string {
  switch (status) {
    case 'active':
      return 'Active';
    case 'expired':
      return 'Expired';
    case 'revoked':
      return 'Revoked';
    case 'used_up':
      return 'Used up';
  }
}
