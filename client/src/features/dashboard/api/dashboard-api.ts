import { HttpRoutes, type AddCoFacilitatorBody, type CreateFacilitatorInviteBody, type CreateGroupBody, type CreateInviteBody, type SetMediaEncryptionBody, type SetObservationBody, type StartSessionBody, type UpdateGroupSupportBody } from '@hearth/shared';
import { call } from '../../../lib/api';

export const listGroups = () => call(HttpRoutes.listGroups);
export const createGroup = (body: CreateGroupBody) => call(HttpRoutes.createGroup, { body });
export const updateGroupSupport = (groupId: string, body: UpdateGroupSupportBody) => call(HttpRoutes.updateGroupSupport, { params: { groupId }, body });
/** [SV6] Allows or stops a supervisor observing the group's sessions. */
export const setGroupObservation = (groupId: string, body: SetObservationBody) => call(HttpRoutes.setGroupObservation, { params: { groupId }, body });

/** [LE1] End-to-end media encryption (LiveKit mode) for the group's sessions started from now on. */
export const setGroupMediaEncryption = (groupId: string, body: SetMediaEncryptionBody) => call(HttpRoutes.setGroupMediaEncryption, { params: { groupId }, body });

export const listSessions = (groupId: string) => call(HttpRoutes.listSessions, { params: { groupId } });
export const startSession = (groupId: string, body: StartSessionBody = {}) => call(HttpRoutes.startSession, { params: { groupId }, body });
export const endSession = (sessionId: string) => call(HttpRoutes.endSession, { params: { sessionId } });
/** Every support request of the session with its timeline: the facilitator's record, live or ended. */
export const listSessionCases = (sessionId: string) => call(HttpRoutes.sessionCases, { params: { sessionId } });

export const listInvites = (sessionId: string) => call(HttpRoutes.sessionInvites, { params: { sessionId } });
export const createInvite = (sessionId: string, body: CreateInviteBody) => call(HttpRoutes.createInvite, { params: { sessionId }, body });
export const revokeInvite = (inviteId: string) => call(HttpRoutes.revokeInvite, { params: { inviteId } });

/** The waiting room's welcome text (null when the group has none). */
export const getWelcomeText = (groupId: string) => call(HttpRoutes.groupWelcome, { params: { groupId } });
export const saveWelcomeText = (groupId: string, welcomeText: string | null) => call(HttpRoutes.saveGroupWelcome, { params: { groupId }, body: { welcomeText } });

/** [CF1] Facilitator invites this account made, making one (the link is in the answer, once) and revoking one. */
export const listFacilitatorInvites = () => call(HttpRoutes.listFacilitatorInvites);
export const createFacilitatorInvite = (body: CreateFacilitatorInviteBody) => call(HttpRoutes.createFacilitatorInvite, { body });
export const revokeFacilitatorInvite = (facilitatorInviteId: string) => call(HttpRoutes.revokeFacilitatorInvite, { params: { facilitatorInviteId } });

/** [CF3] [CF5] A group's facilitators; its host adds and removes co-facilitators. */
export const listGroupFacilitators = (groupId: string) => call(HttpRoutes.groupFacilitators, { params: { groupId } });
export const addCoFacilitator = (groupId: string, body: AddCoFacilitatorBody) => call(HttpRoutes.addCoFacilitator, { params: { groupId }, body });
export const removeCoFacilitator = (groupId: string, accountId: string) => call(HttpRoutes.removeCoFacilitator, { params: { groupId, accountId } });
