import { AccountSchema, ApiRoutes, SetupStatusSchema, type LoginBody, type SetupBody } from '@hearth/shared';
import { request, requestNoContent } from '../../../lib/api';

export const getAccount = () => request('GET', ApiRoutes.me, AccountSchema);
export const signIn = (body: LoginBody) => request('POST', ApiRoutes.login, AccountSchema, body);
export const signOut = () => requestNoContent('POST', ApiRoutes.logout);
export const getSetupStatus = () => request('GET', ApiRoutes.setupStatus, SetupStatusSchema);
export const createFirstAccount = (body: SetupBody) => request('POST', ApiRoutes.setup, AccountSchema, body);
