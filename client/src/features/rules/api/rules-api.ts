import { HttpRoutes, type SaveRulesBody } from '@hearth/shared';
import { call } from '../../../lib/api';

/** The pre-join gate: the credential goes in the body, never in a URL. */
export const getRoomRules = (token: string) => call(HttpRoutes.roomRules, { body: { token } });
export const consentToRules = (token: string, version: number) => call(HttpRoutes.roomConsent, { body: { token, version } });

/** The facilitator's editor. */
export const getGroupRules = (groupId: string) => call(HttpRoutes.groupRules, { params: { groupId } });
export const getRuleVersion = (groupId: string, version: number) => call(HttpRoutes.groupRulesVersion, { params: { groupId, version } });
export const saveGroupRules = (groupId: string, body: SaveRulesBody) => call(HttpRoutes.saveGroupRules, { params: { groupId }, body });
