import type { RevisitRequest } from '@hearth/shared';
import { Button } from '../../../components/ui/button';

/** Facilitators: anonymous asks to revisit a rule. There is no one to name; the server never says who. */
export function RevisitRequests({ requests, onDismiss }: { requests: (RevisitRequest & { key: number })[]; onDismiss: (key: number) => void }) {
  return (
    <section className="revisit-requests" aria-labelledby="revisit-requests-heading">
      <h2 id="revisit-requests-heading">Asked to revisit</h2>
      <ul className="plain-list">
        {requests.map((request) => (
          <li key={request.key}>
            Someone asked to revisit: “{request.rule.text}”{' '}
            <Button variant="quiet" aria-label={`Dismiss the ask to revisit “${request.rule.text}”`} onClick={() => onDismiss(request.key)}>Dismiss</Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
