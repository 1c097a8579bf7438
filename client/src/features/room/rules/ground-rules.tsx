import { useId } from 'react';
import { isFacilitatorRole } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { useRoomCall } from '../session';
import { GroundRulesPanel } from './ground-rules-panel';
import { useGroundRules } from './rules-context';
import { RevisitRequests } from './revisit-requests';
import { RuleSpotlightBanner } from './rule-spotlight-banner';
import '../../../styles/rules.css';

/**
 * Everything about ground rules in the room, in one place in the reading order: the button that opens
 * the panel (also the G key), a spotlighted rule, and (facilitators) anonymous asks to revisit a rule.
 * One polite live region, always present, announces each of them.
 */
export function GroundRules() {
  const { self: { role } } = useRoomCall();
  const rules = useGroundRules();
  const panelId = useId();
  const { state } = rules;
  const facilitator = isFacilitatorRole(role);
  return (
    <div className="ground-rules">
      <p role="status" className="visually-hidden">{state.announcement?.text ?? ''}</p>
      {state.spotlight ? <RuleSpotlightBanner spotlight={state.spotlight} onDismiss={rules.dismissSpotlight} /> : null}
      {facilitator && state.revisits.length > 0 ? <RevisitRequests requests={state.revisits} onDismiss={rules.dismissRevisit} /> : null}
      <Button variant="secondary" aria-expanded={state.open} aria-controls={panelId} aria-keyshortcuts="G" onClick={rules.toggle}>
        Ground rules <kbd aria-hidden="true">G</kbd>
      </Button>
      <div id={panelId}>
        {state.open ? <GroundRulesPanel facilitator={facilitator} rules={rules} /> : null}
      </div>
    </div>
  );
}
