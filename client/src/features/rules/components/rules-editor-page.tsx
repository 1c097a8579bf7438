import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { PagePaths, type GroupRules } from '@hearth/shared';
import { PageLayout } from '../../../components/layout/page-layout';
import { Button } from '../../../components/ui/button';
import { FormError } from '../../../components/ui/form-error';
import { StatusText, statusMessage, type StatusMessage } from '../../../components/ui/status-text';
import type { ClientError } from '../../../lib/errors';
import { getGroupRules, saveGroupRules } from '../api/rules-api';
import { addRule, draftFrom, draftFromTemplate, draftProblem, editRule, moveRule, removeRule, rulesLimits, saveBody, type RulesDraft } from '../model/rules-draft';
import { RuleDraftList } from './rule-draft-list';
import { RuleVersions } from './rule-versions';
import { AgendaEditor } from './agenda-editor';
import '../../../styles/rules.css';

/**
 * A group's ground rules, for its facilitator: start from a template or write your own, edit, reorder,
 * add and remove; each save is a new version (older ones stay readable below). Members who agreed to an
 * older version are asked again, with the changes marked, the next time they join.
 */
export function RulesEditorPage({ groupId }: { groupId: string }) {
  const [loaded, setLoaded] = useState<GroupRules | null>(null);
  const [loadError, setLoadError] = useState<ClientError | null>(null);
  const [draft, setDraft] = useState<RulesDraft>(draftFrom(null));
  const [problem, setProblem] = useState<ClientError | string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<StatusMessage | null>(null);
  const focusLast = useRef(false);
  const listRef = useRef<HTMLOListElement>(null);

  const [attempt, setAttempt] = useState(0);
  const reload = () => setAttempt((n) => n + 1);
  useEffect(() => {
    let active = true;
    void getGroupRules(groupId).then((answer) => {
      if (!active) return;
      if (!answer.ok) return setLoadError(answer.error);
      setLoadError(null);
      setLoaded(answer.value);
      setDraft(draftFrom(answer.value.current));
    });
    return () => {
      active = false;
    };
  }, [groupId, attempt]);

  // After "Add a rule", put the cursor in the new rule's box.
  useEffect(() => {
    if (!focusLast.current) return;
    focusLast.current = false;
    const boxes = listRef.current?.querySelectorAll('textarea');
    boxes?.[boxes.length - 1]?.focus();
  }, [draft.rules.length]);

  async function save() {
    const wrong = draftProblem(draft);
    if (wrong) return setProblem(wrong);
    setBusy(true);
    setProblem(null);
    const answer = await saveGroupRules(groupId, saveBody(draft));
    setBusy(false);
    if (!answer.ok) return setProblem(answer.error);
    const unchanged = answer.value.version === loaded?.current?.version;
    reload();
    setStatus(statusMessage(unchanged ? 'Nothing changed, so no new version was made.' : `Saved as version ${answer.value.version}.`));
  }

  const back = <Link href={PagePaths.dashboard}>Back to your groups</Link>;
  if (loadError) {
    return (
      <PageLayout title="Ground rules" headerActions={back}>
        <FormError error={loadError} />
        <Button onClick={reload}>Try again</Button>
      </PageLayout>
    );
  }
  if (!loaded) return <div className="loading" aria-busy="true"><p>Loading the ground rules…</p></div>;

  return (
    <PageLayout title="Ground rules" headerActions={back} width="wide"
      intro={<p>{loaded.current ? `Version ${loaded.current.version} is in use. Saving makes a new version; members agree again before their next join.` : 'This group has no ground rules yet, so members join without agreeing to any. Start from a template, then make the rules your group\'s own.'}</p>}>
      <div className="rules-editor">
        <section aria-labelledby="rules-templates">
          <h2 id="rules-templates">Start from a template</h2>
          <p className="muted">Replaces the draft below; nothing changes for members until you save.</p>
          <div className="rules-editor__templates">
            {loaded.templates.map((template) => (
              <Button key={template.id} onClick={() => setDraft(draftFromTemplate(template, loaded.current?.version ?? null))}>
                Use “{template.name}”
              </Button>
            ))}
          </div>
        </section>
        <form className="form" onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}>
          <div className="field">
            <label className="field__label" htmlFor="rules-confidentiality">Confidentiality statement, with its limits</label>
            <textarea id="rules-confidentiality" className="field__input rules-editor__textarea" maxLength={rulesLimits.confidentiality} value={draft.confidentiality}
              onChange={(event) => setDraft({ ...draft, confidentiality: event.target.value })} />
          </div>
          <RuleDraftList ref={listRef} rules={draft.rules}
            onEdit={(index, text) => setDraft(editRule(draft, index, text))}
            onMove={(index, delta) => setDraft(moveRule(draft, index, delta))}
            onRemove={(index) => setDraft(removeRule(draft, index))} />
          <div className="form__actions">
            <Button onClick={() => {
              focusLast.current = true;
              setDraft(addRule(draft));
            }}>Add a rule</Button>
            <Button type="submit" variant="primary" disabled={busy}>Save as a new version</Button>
            <StatusText message={status} />
          </div>
          <FormError error={problem} />
        </form>
        <RuleVersions groupId={groupId} versions={loaded.versions} />
        <AgendaEditor groupId={groupId} />
      </div>
    </PageLayout>
  );
}
