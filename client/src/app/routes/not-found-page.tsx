import { Link } from 'wouter';
import { PagePaths } from '@hearth/shared';
import { PageLayout } from '../../components/layout/page-layout';

export function NotFoundPage() {
  return (
    <PageLayout title="Page not found">
      <p>
        There is nothing at this address. If you were sent a link to join a session, check that you copied all of it.
      </p>
      <p>
        <Link href={PagePaths.dashboard}>Go to the start page</Link>
      </p>
    </PageLayout>
  );
}
