import { Button } from '../../../components/ui/button';
import { useDisclosure } from './use-disclosure';
import type { SupportDetails } from '../session';

/**
 * Facilitators only: who to call when a member is not safe, and the crisis lines members are shown,
 * to hand on in a private conversation. The server sends emergency contacts to facilitators only.
 */
export function EmergencyContacts({ support }: { support: SupportDetails }) {
  const { buttonProps, panelProps } = useDisclosure();
  return (
    <div className="support-details">
      <h2 className="support-details__title">
        <Button variant="quiet" className="disclosure-button" {...buttonProps}>Emergency contacts</Button>
      </h2>
      <div className="support-details__panel" {...panelProps}>
        {support.emergencyContacts ? <p className="preformatted">{support.emergencyContacts}</p> : (
          <p>No emergency contacts set for this group. Add them on the dashboard.</p>
        )}
        {support.crisisResources ? (
          <>
            <h3 className="support-details__subtitle">Crisis resources members can see</h3>
            <p className="preformatted">{support.crisisResources}</p>
          </>
        ) : null}
      </div>
    </div>
  );
}
