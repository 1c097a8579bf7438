import { Route, Switch } from 'wouter';
import { PagePaths, RulesPagePaths } from '@hearth/shared';
import { AcceptInvitePage } from '../features/auth/components/accept-invite-page';
import { ForgotPasswordPage } from '../features/auth/components/forgot-password-page';
import { ResetPasswordPage } from '../features/auth/components/reset-password-page';
import { SetupPage } from '../features/auth/components/setup-page';
import { SignInPage } from '../features/auth/components/sign-in-page';
import { DashboardRoute } from './routes/dashboard-route';
import { FacilitatorJoinRoute } from './routes/facilitator-join-route';
import { MemberJoinRoute } from './routes/member-join-route';
import { NotFoundPage } from './routes/not-found-page';
import { RulesRoute } from './routes/rules-route';

// Patterns come from the shared PagePaths, so links and routes cannot drift apart.
const memberJoinPattern = PagePaths.join(':token');
const facilitatorJoinPattern = PagePaths.facilitatorJoin(':sessionId');
const rulesEditorPattern = RulesPagePaths.editor(':groupId');

export function AppRoutes() {
  return (
    <Switch>
      <Route path={PagePaths.signIn} component={SignInPage} />
      <Route path={PagePaths.setup} component={SetupPage} />
      <Route path={PagePaths.forgotPassword} component={ForgotPasswordPage} />
      <Route path={PagePaths.resetPassword} component={ResetPasswordPage} />
      <Route path={PagePaths.acceptInvite} component={AcceptInvitePage} />
      <Route<{ token: string }> path={memberJoinPattern}>{(params) => <MemberJoinRoute token={params.token} />}</Route>
      <Route<{ sessionId: string }> path={facilitatorJoinPattern}>
        {(params) => <FacilitatorJoinRoute sessionId={params.sessionId} />}
      </Route>
      <Route<{ groupId: string }> path={rulesEditorPattern}>{(params) => <RulesRoute groupId={params.groupId} />}</Route>
      <Route path={PagePaths.dashboard} component={DashboardRoute} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}
