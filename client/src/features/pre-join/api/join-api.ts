import { HttpRoutes, type EnterSessionBody, type RedeemInviteBody } from '@hearth/shared';
import { call } from '../../../lib/api';

export const getInvitePreview = (token: string) => call(HttpRoutes.invitePreview, { params: { token } });
export const redeemInvite = (token: string, body: RedeemInviteBody) => call(HttpRoutes.redeemInvite, { params: { token }, body });
export const enterSession = (sessionId: string, body: EnterSessionBody) => call(HttpRoutes.enterSession, { params: { sessionId }, body });
