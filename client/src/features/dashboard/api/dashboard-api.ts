import Type from 'typebox';
import {
  ApiRoutes,
  GroupSchema,
  InviteSchema,
  SessionSchema,
  type CreateGroupBody,
  type CreateInviteBody,
  type StartSessionBody,
} from '@hearth/shared';
import { request } from '../../../lib/api';

const GroupListSchema = Type.Array(GroupSchema);
const SessionListSchema = Type.Array(SessionSchema);
const InviteListSchema = Type.Array(InviteSchema);

export const listGroups = () => request('GET', ApiRoutes.groups, GroupListSchema);
export const createGroup = (body: CreateGroupBody) => request('POST', ApiRoutes.groups, GroupSchema, body);

export const listSessions = (groupId: string) => request('GET', ApiRoutes.groupSessions(groupId), SessionListSchema);
export const startSession = (groupId: string, body: StartSessionBody = {}) =>
  request('POST', ApiRoutes.groupSessions(groupId), SessionSchema, body);
export const endSession = (sessionId: string) => request('POST', ApiRoutes.endSession(sessionId), SessionSchema);

export const listInvites = (sessionId: string) => request('GET', ApiRoutes.sessionInvites(sessionId), InviteListSchema);
export const createInvite = (sessionId: string, body: CreateInviteBody) =>
  request('POST', ApiRoutes.sessionInvites(sessionId), InviteSchema, body);
export const revokeInvite = (inviteId: string) => request('POST', ApiRoutes.revokeInvite(inviteId), InviteSchema);
