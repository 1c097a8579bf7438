import { useState } from 'react';
import type { GroupRules, RuleSet } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { FormError } from '../../../components/ui/form-error';
import type { ClientError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { getRuleVersion } from '../api/rules-api';
import { RuleSetView } from './consent-gate';

/** Every saved version, newest first; any of them can be read again. */
export function RuleVersions({ groupId, versions }: { groupId: string; versions: GroupRules['versions'] }) {
  const [shown, setShown] = useState<RuleSet | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  if (versions.length === 0) return null;

  async function show(version: number) {
    const answer = await getRuleVersion(groupId, version);
    if (answer.ok) {
      setShown(answer.value);
      setError(null);
    } else {
      setError(answer.error);
    }
  }

  return (
    <section aria-labelledby="rules-versions">
      <h2 id="rules-versions">Earlier versions</h2>
      <ul className="plain-list">
        {versions.map((v) => (
          <li key={v.version}>
            Version {v.version} <span className="muted">· {formatDateTime(v.createdAt)} · {v.ruleCount} rules</span>{' '}
            <Button variant="quiet" onClick={() => void show(v.version)}>Read version {v.version}</Button>
          </li>
        ))}
      </ul>
      <FormError error={error} />
      {shown ? (
        <div className="card" aria-live="polite">
          <h3>Version {shown.version}</h3>
          <RuleSetView ruleSet={shown} changes={null} />
        </div>
      ) : null}
    </section>
  );
}
