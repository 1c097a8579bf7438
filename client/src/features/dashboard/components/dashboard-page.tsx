import type { Account, Group } from '@hearth/shared';
import { PageLayout } from '../../../components/layout/page-layout';
import { Button } from '../../../components/ui/button';
import { FormError } from '../../../components/ui/form-error';
import { useRemoteList } from '../../../lib/use-remote-list';
import { listGroups } from '../api/dashboard-api';
import { GroupSection } from './group-section';
import { InviteFacilitatorForm } from './invite-facilitator-form';
import { NewGroupForm } from './new-group-form';
import { SignOutEverywhere } from './sign-out-everywhere';

export interface DashboardPageProps {
  account: Account;
  onSignOut: () => void;
  /** [AC6] Resolves true once every sign-in has ended. */
  onSignOutEverywhere: () => Promise<boolean>;
}

/** The facilitator's home: their groups, each with its sessions and invite links. */
export function DashboardPage({ account, onSignOut, onSignOutEverywhere }: DashboardPageProps) {
  const groups = useRemoteList(listGroups, `groups:${account.id}`);

  return (
    <PageLayout
      title="Your groups"
      width="wide"
      headerActions={
        <>
          <span className="site-header__who">Signed in as {account.displayName}</span>
          <Button variant="quiet" onClick={onSignOut}>
            Sign out
          </Button>
          <SignOutEverywhere onConfirm={onSignOutEverywhere} />
        </>
      }
    >
      <div className="dashboard">
        <div className="dashboard__groups">
          <GroupList groups={groups.items} onChange={groups.upsert} />
          {groups.error ? (
            <div className="dashboard__aside">
              <FormError error={groups.error} />
              <Button onClick={groups.retry}>Try again</Button>
            </div>
          ) : null}
        </div>
        <div className="dashboard__aside">
          <NewGroupForm onCreated={(group) => groups.upsert(group, 'end')} />
          <InviteFacilitatorForm accountId={account.id} />
        </div>
      </div>
    </PageLayout>
  );
}

function GroupList({ groups, onChange }: { groups: Group[] | null; onChange: (group: Group) => void }) {
  if (groups === null) {
    return (
      <p className="muted" aria-busy="true">
        Loading your groups…
      </p>
    );
  }
  if (groups.length === 0) {
    return <p className="empty">You have no groups yet. Create your first one with the New group form.</p>;
  }
  return (
    <>
      {groups.map((group) => (
        <GroupSection key={group.id} group={group} onChange={onChange} />
      ))}
    </>
  );
}
