import { useLocation } from 'wouter';
import { PagePaths } from '@hearth/shared';
import { signOut, signOutEverywhere } from '../../features/auth/api/auth-api';
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

  /** [AC6] Every device's sign-in ends; true when it did (the dashboard says so otherwise). */
  async function leaveEverywhere(): Promise<boolean> {
    const result = await signOutEverywhere();
    if (result.ok) navigate(`${PagePaths.signIn}?signed-out=everywhere`);
    return result.ok;
  }

  return (
    <RequireAccount>
      {(account) => <DashboardPage account={account} onSignOut={() => void leave()} onSignOutEverywhere={leaveEverywhere} />}
    </RequireAccount>
  );
}
