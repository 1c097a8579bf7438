import type { ReactNode } from 'react';
import { Redirect } from 'wouter';
import { PagePaths, type Account } from '@hearth/shared';
import { PageLayout } from '../../../components/layout/page-layout';
import { Button } from '../../../components/ui/button';
import { FormError } from '../../../components/ui/form-error';
import { useAccount } from '../hooks/use-account';

/**
 * Facilitator pages render only for a signed-in account; anyone else is sent to sign in.
 * The account is handed to the page rather than kept in a global, so each page says what it needs.
 */
export function RequireAccount({ children }: { children: (account: Account) => ReactNode }) {
  const { state, retry } = useAccount();
  switch (state.status) {
    case 'loading':
      return (
        <div className="loading" aria-busy="true">
          <p>Loading…</p>
        </div>
      );
    case 'signed-out':
      return <Redirect to={PagePaths.signIn} replace />;
    case 'error':
      return (
        <PageLayout title="We couldn't load your account">
          <FormError error={state.error} />
          <Button variant="primary" onClick={retry}>
            Try again
          </Button>
        </PageLayout>
      );
    case 'signed-in':
      return <>{children(state.account)}</>;
  }
}
