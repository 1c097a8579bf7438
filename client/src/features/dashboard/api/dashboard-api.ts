import Type from 'typebox';
import {
  ApiRoutes,
  DistressAlertSchema,
  GroupSchema,
  InviteSchema,
  SessionSchema,
  type CreateGroupBody,
  type CreateInviteBody,
  type SetMediaEncryptionBody,
  type SetObservationBody,
  type StartSessionBody,
  type UpdateGroupSupportBody,
} from '@hearth/shared';
import { request } from '../../../lib/api';

const GroupListSchema = Type.Array(GroupSchema);
const SessionListSchema = Type.Array(SessionSchema);
const InviteListSchema = Type.Array(InviteSchema);
const CaseListSchema = Type.Array(DistressAlertSchema);

export const listGroups = () => request('GET', ApiRoutes.groups, GroupListSchema);
export const createGroup = (body: CreateGroupBody) => request('POST', ApiRoutes.groups, GroupSchema, body);
export const updateGroupSupport = (groupId: string, body: UpdateGroupSupportBody) =>
  request('PUT', ApiRoutes.groupSupport(groupId), GroupSchema, body);
/** [SV6] Allows or stops a supervisor observing the group's sessions. */
export const setGroupObservation = (groupId: string, body: SetObservationBody) =>
  request('PUT', ApiRoutes.groupObservation(groupId), GroupSchema, body);

/** [LE1] End-to-end media encryption (LiveKit mode) for the group's sessions started from now on. */
export const setGroupMediaEncryption = (groupId: string, body: SetMediaEncryptionBody) =>
  request('PUT', ApiRoutes.groupMediaEncryption(groupId), GroupSchema, body);

export const listSessions = (groupId: string) => request('GET', ApiRoutes.groupSessions(groupId), SessionListSchema);
export const startSession = (groupId: string, body: StartSessionBody = {}) =>
  request('POST', ApiRoutes.groupSessions(groupId), SessionSchema, body);
export const endSession = (sessionId: string) => request('POST', ApiRoutes.endSession(sessionId), SessionSchema);
/** Every support request of the session with its timeline: the facilitator's record, live or ended. */
export const listSessionCases = (sessionId: string) => request('GET', ApiRoutes.sessionCases(sessionId), CaseListSchema);

export const listInvites = (sessionId: string) => request('GET', ApiRoutes.sessionInvites(sessionId), InviteListSchema);
export const createInvite = (sessionId: string, body: CreateInviteBody) =>
  request('POST', ApiRoutes.sessionInvites(sessionId), InviteSchema, body);
export const revokeInvite = (inviteId: string) => request('POST', ApiRoutes.revokeInvite(inviteId), InviteSchema);
