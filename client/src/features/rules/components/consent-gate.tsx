import { useId, useState } from 'react';
import type { RoomRules, RuleChanges, RuleSet } from '@hearth/shared';
import { PageLayout } from '../../../components/layout/page-layout';
import { Button } from '../../../components/ui/button';
import { FormError } from '../../../components/ui/form-error';
import type { ClientError } from '../../../lib/errors';
import { OBSERVATION_STATEMENT } from '../../../lib/observation';
import { consentToRules, getRoomRules } from '../api/rules-api';
import '../../../styles/rules.css';

export interface ConsentGateProps {
  token: string;
  /** What the pre-join check found: the rules to agree to (consent is required). */
  initial: RoomRules & { ruleSet: RuleSet };
  onAgreed: () => void;
  onCancel: () => void;
}

/**
 * Before entering, a member reads the group's ground rules, the confidentiality statement (and its
 * limits) first, and agrees. Someone who agreed to an older version sees what changed, marked in words
 * ("New", "Changed") as well as by colour. The server keeps the record and enforces it at join.
 */
export function ConsentGate({ token, initial, onAgreed, onCancel }: ConsentGateProps) {
  const [rules, setRules] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | string | null>(null);
  const { ruleSet, changes } = rules;

  async function agree() {
    setBusy(true);
    setError(null);
    const answer = await consentToRules(token, ruleSet.version);
    if (answer.ok) return onAgreed();
    // The rules changed while this page was open: show the new ones rather than agree to the old.
    if (answer.error.code === 'conflict') {
      const fresh = await getRoomRules(token);
      if (fresh.ok && fresh.value.ruleSet) {
        setRules({ ...fresh.value, ruleSet: fresh.value.ruleSet, changes: fresh.value.changes ?? changes });
        setError('The ground rules changed just now. Please read them again before agreeing.');
        setBusy(false);
        return;
      }
    }
    setBusy(false);
    setError(answer.error);
  }

  const title = changes ? 'The ground rules have changed' : 'Our ground rules';
  return (
    <PageLayout title={title} width="narrow"
      intro={changes
        ? <p>The group's ground rules changed since you last agreed to them. The changes are marked below.</p>
        : <p>Before you join, please read the ground rules this group has agreed. Everyone in the session has agreed to them too.</p>}>
      <RuleSetView ruleSet={ruleSet} changes={changes} />
      {rules.observationAllowed ? <ObservationStatement /> : null}
      <FormError error={error} />
      <div className="form__actions consent-gate__actions">
        <Button variant="primary" onClick={() => void agree()} disabled={busy}>
          I agree to these ground rules
        </Button>
        <Button variant="quiet" onClick={onCancel} disabled={busy}>
          Not now
        </Button>
      </div>
    </PageLayout>
  );
}

/**
 * [SV6] Observation is made known before anyone agrees: the group allows a supervisor to observe, and
 * the room will say when one is present (never who).
 */
export function ObservationStatement() {
  const headingId = useId();
  return (
    <section className="rule-set__observation" aria-labelledby={headingId}>
      <h2 id={headingId}>Observation</h2>
      <p>{OBSERVATION_STATEMENT}</p>
    </section>
  );
}

/** The confidentiality statement and the rules, with changes since `changes.fromVersion` marked. */
export function RuleSetView({ ruleSet, changes }: { ruleSet: RuleSet; changes: RuleChanges | null }) {
  const headingId = useId();
  const added = new Set(changes?.added);
  const changed = new Set(changes?.changed);
  return (
    <div className="rule-set">
      <section className={`rule-set__confidentiality${changes?.confidentialityChanged ? ' rule--changed' : ''}`} aria-labelledby={headingId}>
        <h2 id={headingId}>
          Confidentiality {changes?.confidentialityChanged ? <span className="badge rule__tag">Changed</span> : null}
        </h2>
        <p>{ruleSet.confidentiality}</p>
      </section>
      <h2>Ground rules</h2>
      <ol className="rule-set__list" aria-label="Ground rules">
        {ruleSet.rules.map((rule) => {
          const tag = added.has(rule.id) ? 'New' : changed.has(rule.id) ? 'Changed' : null;
          return (
            <li key={rule.id} className={tag ? 'rule--changed' : undefined}>
              {tag ? <span className="badge rule__tag">{tag}</span> : null} {rule.text}
            </li>
          );
        })}
      </ol>
      {changes && changes.removed.length > 0 ? (
        <div className="rule-set__removed">
          <h3>No longer in the rules</h3>
          <ul>
            {changes.removed.map((rule) => <li key={rule.id}><s>{rule.text}</s></li>)}
          </ul>
        </div>
      ) : null}
      <p className="muted">Version {ruleSet.version}</p>
    </div>
  );
}
