import type { RuleSpotlight } from '@hearth/shared';
import { Button } from '../../../components/ui/button';

/** A calm banner (no motion, no sound) with the rule a facilitator spotlighted, until dismissed. */
export function RuleSpotlightBanner({ spotlight, onDismiss }: { spotlight: RuleSpotlight; onDismiss: () => void }) {
  return (
    <section className="rule-spotlight" aria-label="Spotlighted ground rule">
      <p className="rule-spotlight__text">
        <strong>A reminder of our ground rules:</strong> {spotlight.rule.text}
      </p>
      <Button variant="quiet" onClick={onDismiss}>Dismiss reminder</Button>
    </section>
  );
}
