import { useId, useState, type FormEvent } from 'react';
import { maxLengthOf, RuleTextSchema, type Proposal, type RuleSet } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import type { GroundRules } from './use-ground-rules';

/**
 * Drafting together: anyone proposes a new rule or new wording; everyone can agree or raise a concern
 * (shown as counts, never names); facilitators adopt (a new version) or set aside, and all see the outcome.
 */
export function ProposalsSection({ facilitator, ruleSet, rules }: { facilitator: boolean; ruleSet: RuleSet | null; rules: GroundRules }) {
  const ids = useId();
  const [target, setTarget] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const { proposals } = rules.state;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    const sent = await rules.propose(text.trim(), target || null);
    setBusy(false);
    if (sent) {
      setText('');
      setTarget('');
    }
  }

  const ruleNumber = (ruleId: string | null) => (ruleSet?.rules.findIndex((r) => r.id === ruleId) ?? -1) + 1;
  return (
    <section aria-labelledby={`${ids}-heading`} className="proposals">
      <h3 id={`${ids}-heading`}>Proposals</h3>
      {proposals.length === 0 ? <p className="muted">No proposals yet in this session.</p> : (
        <ol className="plain-list proposals__list" aria-label="Proposals">
          {proposals.map((p, index) => (
            <ProposalItem key={p.id} proposal={p} number={index + 1} ruleNumber={ruleNumber(p.ruleId)} facilitator={facilitator} rules={rules} />
          ))}
        </ol>
      )}
      <form className="form proposals__form" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-target`}>What would you like to propose?</label>
          <select id={`${ids}-target`} className="field__input field__select" value={target} onChange={(event) => setTarget(event.target.value)}>
            <option value="">A new rule</option>
            {ruleSet?.rules.map((rule, index) => <option key={rule.id} value={rule.id}>New wording for rule {index + 1}</option>)}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-text`}>Your proposal</label>
          <textarea id={`${ids}-text`} className="field__input rules-editor__textarea" maxLength={maxLengthOf(RuleTextSchema)} value={text} onChange={(event) => setText(event.target.value)} />
        </div>
        <div className="form__actions">
          <Button type="submit" disabled={busy || !text.trim()}>Propose</Button>
        </div>
      </form>
    </section>
  );
}

function ProposalItem({ proposal, number, ruleNumber, facilitator, rules }: {
  proposal: Proposal; number: number; ruleNumber: number; facilitator: boolean; rules: GroundRules;
}) {
  const what = proposal.kind === 'add' ? 'New rule' : ruleNumber > 0 ? `New wording for rule ${ruleNumber}` : 'New wording for a rule';
  const outcome = proposal.status === 'adopted' ? `Adopted in version ${proposal.adoptedVersion ?? ''}` : proposal.status === 'set_aside' ? 'Set aside' : null;
  const label = `proposal ${number}`;
  return (
    <li className="proposals__item">
      <p><strong>{what}:</strong> {proposal.text}</p>
      <p className="muted">
        {proposal.agree} agree · {proposal.concern} {proposal.concern === 1 ? 'concern' : 'concerns'}{outcome ? ` · ${outcome}` : ''}
      </p>
      {proposal.status === 'open' ? (
        <div className="ground-rules-panel__actions">
          <Button variant="quiet" aria-label={`Agree with ${label}`} onClick={() => void rules.respond(proposal.id, 'agree')}>Agree</Button>
          <Button variant="quiet" aria-label={`Raise a concern about ${label}`} onClick={() => void rules.respond(proposal.id, 'concern')}>Raise a concern</Button>
          {facilitator ? (
            <>
              <Button variant="quiet" aria-label={`Adopt ${label}`} onClick={() => void rules.decide(proposal.id, 'adopt')}>Adopt</Button>
              <Button variant="quiet" aria-label={`Set aside ${label}`} onClick={() => void rules.decide(proposal.id, 'set_aside')}>Set aside</Button>
            </>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
