import { isFacilitatorRole, isStaffRole, isVisibleTo, Role, type Participant } from '@hearth/shared';

/**
 * Who receives what: the one place that answers it, over the room's own records (never a payload).
 * Invariants, tested by id (docs/spec.md):
 * - [DS2] facilitators means facilitators and co-facilitators: never a member, never the supervisor;
 * - [SV4] staff adds the hidden supervisor, who follows cases and the backchannel read-only;
 * - [SV1] a fact about the hidden supervisor reaches staff only; a member never learns they are there;
 * - the sender (or a subject, or a replacing connection) is left out when the caller says so.
 */
export interface Reachable {
  participant: Pick<Participant, 'id' | 'role'>;
  connectionId: string;
}

/** Whom to leave out: a person (all their connections) and/or one connection. */
export interface Except {
  participantId?: string | undefined;
  connectionId?: string | undefined;
}

function connections(presences: readonly Reachable[], include: (role: Role) => boolean, except: Except = {}): string[] {
  return presences
    .filter((p) => include(p.participant.role) && p.participant.id !== except.participantId && p.connectionId !== except.connectionId)
    .map((p) => p.connectionId);
}

/** [DS2] The session's facilitators and co-facilitators. */
export function facilitators(presences: readonly Reachable[], except?: Except): string[] {
  return connections(presences, isFacilitatorRole, except);
}

/** [SV4] The facilitators plus the hidden supervisor (the backchannel's and the cases' audience). */
export function staff(presences: readonly Reachable[], except?: Except): string[] {
  return connections(presences, isStaffRole, except);
}

/** Everyone who is not staff: the members, who get only what anyone in the room may see. */
export function members(presences: readonly Reachable[], except?: Except): string[] {
  return connections(presences, (role) => !isStaffRole(role), except);
}

/**
 * [SV1] Who may hear a fact about `subject`. A visible person's facts go to the whole session channel
 * (`'channel'`, leaving out `except.connectionId`); the hidden supervisor's go one by one to the staff
 * other than the supervisor themselves, so no member's socket ever carries them.
 */
export function visibleTo(presences: readonly Reachable[], subject: Pick<Participant, 'id' | 'role'>, except: Except = {}): 'channel' | string[] {
  if (isVisibleTo(subject, Role.member)) return 'channel';
  return connections(presences, (role) => isVisibleTo(subject, role), { connectionId: except.connectionId, participantId: subject.id });
}

/** The room as `viewer` may know it: a member's list leaves out the supervisor. */
export function visibleParticipants<P extends Pick<Participant, 'role'>>(presences: readonly { participant: P }[], viewer: Role): P[] {
  return presences.map((p) => p.participant).filter((p) => isVisibleTo(p, viewer));
}

/** [SV5] Who `viewer` sends media to without seeing them: the supervisors, for anyone who is not staff. */
export function hiddenMediaPeers(presences: readonly Reachable[], viewer: Role): string[] {
  if (isStaffRole(viewer)) return [];
  return presences.filter((p) => !isVisibleTo(p.participant, viewer)).map((p) => p.participant.id);
}
