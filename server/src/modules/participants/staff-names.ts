import { Role } from '@hearth/shared';

/**
 * [RM8] A member may not take the name of one of the session's facilitators (the group's own, a
 * co-facilitator; not the hidden supervisor, whose presence that would reveal): in a support group, "Fran (facilitator)" asking someone to share
 * more, or to move to a private chat, must be Fran. Names are compared as people read them: case,
 * spacing, look-alike letters (NFKC) and invisible characters do not make a name different.
 */
export function readableName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('en');
}

export function takesStaffName(role: Role, name: string, staffNames: readonly string[]): boolean {
  if (role !== Role.member) return false;
  const wanted = readableName(name);
  return staffNames.some((staff) => readableName(staff) === wanted);
}

export const staffNameMessage = "That name belongs to one of this group's facilitators. Please choose another name.";
