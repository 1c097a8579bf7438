import { Button } from '../../../components/ui/button';
import type { RouteCheck } from '../hooks/use-route-check';

/**
 * [TN3] The pre-join connection check, in plain words. The live region is always in the page so a screen
 * reader hears the result when it arrives; the advice is a list a member can act on, and joining stays possible.
 */
export function RouteCheckNotice({ check, onRetry }: { check: RouteCheck | null; onRetry: () => void }) {
  if (!check || (check.status === 'done' && check.verdict === 'not_checked')) return null;
  const noRoute = check.status === 'done' && check.verdict === 'no_route';
  const again = check.status === 'checking' && check.again;
  return (
    <section className={noRoute || again ? 'route-check notice' : 'route-check'} aria-labelledby="route-check-title">
      <h2 id="route-check-title" className="route-check__title">Connection check</h2>
      <p role="status" className="route-check__status">
        {check.status === 'checking' ? 'Checking that your network can reach the group…' : null}
        {check.status === 'done' && check.verdict === 'route' ? 'Your network can reach the group.' : null}
        {noRoute ? 'We could not find a way to connect you to the group from this network. You may not see or hear the others.' : null}
      </p>
      {noRoute ? (
        <>
          <p className="route-check__intro">Things that often help:</p>
          <ul className="route-check__tips">
            <li>Try another network, for example your home Wi-Fi instead of a work or public one, or your phone's hotspot.</li>
            <li>If you use a VPN, turn it off for the session.</li>
            <li>Ask your facilitator: the server's relay (TURN) may need checking.</li>
          </ul>
        </>
      ) : null}
      {noRoute || again ? <Button onClick={onRetry} aria-busy={again}>Check again</Button> : null}
    </section>
  );
}
