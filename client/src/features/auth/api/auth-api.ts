import { HttpRoutes, type AcceptFacilitatorInviteBody, type ForgotPasswordBody, type LoginBody, type ResetPasswordBody, type SetupBody } from '@hearth/shared';
import { call } from '../../../lib/api';

export const getAccount = () => call(HttpRoutes.me);
export const signIn = (body: LoginBody) => call(HttpRoutes.login, { body });
export const signOut = () => call(HttpRoutes.logout);
export const getSetupStatus = () => call(HttpRoutes.setupStatus);
export const createFirstAccount = (body: SetupBody) => call(HttpRoutes.setup, { body });
export const askForResetLink = (body: ForgotPasswordBody) => call(HttpRoutes.forgotPassword, { body });
export const resetPassword = (body: ResetPasswordBody) => call(HttpRoutes.resetPassword, { body });
export const signOutEverywhere = () => call(HttpRoutes.signOutEverywhere);
/** [CF2] Makes the invited facilitator's account and signs them in. */
export const acceptFacilitatorInvite = (body: AcceptFacilitatorInviteBody) => call(HttpRoutes.acceptFacilitatorInvite, { body });
