import { HttpRoutes, type LoginBody, type SetupBody } from '@hearth/shared';
import { call } from '../../../lib/api';

export const getAccount = () => call(HttpRoutes.me);
export const signIn = (body: LoginBody) => call(HttpRoutes.login, { body });
export const signOut = () => call(HttpRoutes.logout);
export const getSetupStatus = () => call(HttpRoutes.setupStatus);
export const createFirstAccount = (body: SetupBody) => call(HttpRoutes.setup, { body });
