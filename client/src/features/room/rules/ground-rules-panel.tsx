import { useEffect, useRef } from 'react';
import { Button } from '../../../components/ui/button';
import type { GroundRules } from './use-ground-rules';
import { ProposalsSection } from './proposals-section';

/**
 * The group's current rules, with the confidentiality statement first. Facilitators can spotlight a
 * rule to everyone and see who has agreed; anyone else can ask, anonymously, to revisit a rule.
 */
export function GroundRulesPanel({ facilitator, rules }: { facilitator: boolean; rules: GroundRules }) {
  const { ruleSet, consents, loadError, note } = rules.state;
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opened by key or button: take the reader to it. Opened by the agenda: leave their focus where it is
  // (they may be typing); the phase change is announced instead.
  const { openedByPhase } = rules.state;
  useEffect(() => {
    if (!openedByPhase) headingRef.current?.focus();
    // Only on opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <section className="ground-rules-panel" aria-labelledby="ground-rules-panel-heading">
      <h2 id="ground-rules-panel-heading" ref={headingRef} tabIndex={-1}>Ground rules</h2>
      {loadError ? <p className="form-error" role="alert">{loadError}</p> : null}
      {!ruleSet && !loadError ? <p className="muted">{facilitator ? 'This group has no ground rules yet. You can write them from the dashboard.' : 'This group has no ground rules yet.'}</p> : null}
      {ruleSet ? (
        <>
          <h3>Confidentiality</h3>
          <p>{ruleSet.confidentiality}</p>
          <ol className="ground-rules-panel__list" aria-label="Ground rules">
            {ruleSet.rules.map((rule, index) => (
              <li key={rule.id}>
                {rule.text}
                <span className="ground-rules-panel__actions">
                  {facilitator ? (
                    <Button variant="quiet" aria-label={`Spotlight rule ${index + 1} to everyone`} onClick={() => void rules.spotlight(rule.id)}>Spotlight</Button>
                  ) : (
                    <Button variant="quiet" aria-label={`Ask to revisit rule ${index + 1}, anonymously`} onClick={() => void rules.revisit(rule.id)}>Ask to revisit</Button>
                  )}
                </span>
              </li>
            ))}
          </ol>
          <p className="muted">Version {ruleSet.version}{facilitator ? '' : '. Asking to revisit a rule is anonymous: the facilitators see the rule, not who asked.'}</p>
        </>
      ) : null}
      {note ? <p className="status-text">{note}</p> : null}
      {ruleSet ? <ProposalsSection facilitator={facilitator} ruleSet={ruleSet} rules={rules} /> : null}
      {facilitator && consents ? (
        <div>
          <h3>Who has agreed</h3>
          {consents.length === 0 ? <p className="muted">No member has agreed yet in this session.</p> : (
            <ul className="plain-list" aria-label="Who has agreed">
              {consents.map((c) => (
                <li key={c.participantId}>
                  {c.displayName} <span className="muted">· version {c.version}{ruleSet && c.version !== ruleSet.version ? ' (an older version)' : ''}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      <Button variant="quiet" onClick={rules.close}>Close ground rules</Button>
    </section>
  );
}
