import { useLocation } from 'wouter';
import { PagePaths } from '@hearth/shared';
import { signOut } from '../../features/auth/api/auth-api';
import { RequireAccount } from '../../features/auth/components/require-account';
import { DashboardPage } from '../../features/dashboard/components/dashboard-page';

/** `/`: the facilitator dashboard; anyone not signed in is sent to sign in. */
export function DashboardRoute() {
  const [, navigate] = useLocation();

  async function leave() {
    // Whatever the answer, the person asked to leave: go to sign-in (a failed sign-out is rare and harmless here).
    await signOut();
    navigate(PagePaths.signIn);
  }

  return (
    <RequireAccount>{(account) => <DashboardPage account={account} onSignOut={() => void leave()} />}</RequireAccount>
  );
}
