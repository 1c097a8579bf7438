import {
  ApiRoutes,
  InvitePreviewSchema,
  RoomCredentialSchema,
  type EnterSessionBody,
  type RedeemInviteBody,
} from '@hearth/shared';
import { request } from '../../../lib/api';

export const getInvitePreview = (token: string) => request('GET', ApiRoutes.invitePreview(token), InvitePreviewSchema);
export const redeemInvite = (token: string, body: RedeemInviteBody) =>
  request('POST', ApiRoutes.redeemInvite(token), RoomCredentialSchema, body);
export const enterSession = (sessionId: string, body: EnterSessionBody) =>
  request('POST', ApiRoutes.enterSession(sessionId), RoomCredentialSchema, body);
