import type { Ref } from 'react';
import { Button } from '../../../components/ui/button';
import { rulesLimits, type DraftRule } from '../model/rules-draft';

export interface RuleDraftListProps {
  ref?: Ref<HTMLOListElement>;
  rules: DraftRule[];
  onEdit: (index: number, text: string) => void;
  onMove: (index: number, delta: -1 | 1) => void;
  onRemove: (index: number) => void;
}

/** The rules being edited, in order; moving is by buttons (keyboard and screen-reader friendly, no dragging). */
export function RuleDraftList({ ref, rules, onEdit, onMove, onRemove }: RuleDraftListProps) {
  if (rules.length === 0) return <p className="empty">No rules yet. Add one, or start from a template.</p>;
  return (
    <ol ref={ref} className="rules-editor__list" aria-label="Rules being edited">
      {rules.map((rule, index) => {
        const label = `Rule ${index + 1}`;
        return (
          <li key={rule.key} className="rules-editor__item">
            <label className="field__label" htmlFor={rule.key}>{label}</label>
            <textarea id={rule.key} className="field__input rules-editor__textarea" maxLength={rulesLimits.text} value={rule.text}
              onChange={(event) => onEdit(index, event.target.value)} />
            <div className="rules-editor__item-actions">
              <Button variant="quiet" aria-label={`Move up ${label.toLowerCase()}`} disabled={index === 0} onClick={() => onMove(index, -1)}>Move up</Button>
              <Button variant="quiet" aria-label={`Move down ${label.toLowerCase()}`} disabled={index === rules.length - 1} onClick={() => onMove(index, 1)}>Move down</Button>
              <Button variant="quiet-danger" aria-label={`Remove ${label.toLowerCase()}`} onClick={() => onRemove(index)}>Remove</Button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
