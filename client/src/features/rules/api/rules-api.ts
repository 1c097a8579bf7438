import {
  ConsentAnswerSchema,
  GroupRulesSchema,
  RoomRulesSchema,
  RuleSetSchema,
  RulesRoutes,
  type SaveRulesBody,
} from '@hearth/shared';
import { request } from '../../../lib/api';

/** The pre-join gate: the credential goes in the body, never in a URL. */
export const getRoomRules = (token: string) => request('POST', RulesRoutes.roomRules, RoomRulesSchema, { token });
export const consentToRules = (token: string, version: number) => request('POST', RulesRoutes.roomConsent, ConsentAnswerSchema, { token, version });

/** The facilitator's editor. */
export const getGroupRules = (groupId: string) => request('GET', RulesRoutes.groupRules(groupId), GroupRulesSchema);
export const getRuleVersion = (groupId: string, version: number) => request('GET', RulesRoutes.groupRulesVersion(groupId, version), RuleSetSchema);
export const saveGroupRules = (groupId: string, body: SaveRulesBody) => request('PUT', RulesRoutes.groupRules(groupId), RuleSetSchema, body);
