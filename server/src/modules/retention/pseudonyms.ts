import type { Role } from '@hearth/shared';

const roleWords: Record<Role, string> = {
  facilitator: 'Facilitator',
  co_facilitator: 'Co-facilitator',
  member: 'Member',
  supervisor: 'Supervisor',
};

export interface PseudonymSubject {
  id: string;
  role: Role;
  joinedAt: number;
}

/**
 * [RT2] The name each participant of an expired session is given in place of theirs: their role and their place
 * among that role in join order ("Member 2"). It depends only on the role and the join order, so the same
 * session's rows always get the same pseudonyms (ties in join time are broken by id), and nothing of the name
 * survives in it.
 */
export function pseudonymsFor(people: readonly PseudonymSubject[]): Map<string, string> {
  const ordered = [...people].sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const counts = new Map<Role, number>();
  const names = new Map<string, string>();
  for (const person of ordered) {
    const n = (counts.get(person.role) ?? 0) + 1;
    counts.set(person.role, n);
    names.set(person.id, `${roleWords[person.role]} ${n}`);
  }
  return names;
}
