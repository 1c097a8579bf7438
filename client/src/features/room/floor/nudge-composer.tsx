import { useEffect, useId, useState } from 'react';
import { DefaultNudgeWording, maxLengthOf, NudgeTextSchema, type NudgeKind, type NudgeWording, type Participant } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import type { Floor } from './use-floor';

/**
 * Facilitators: a kind, private note to one person: making space (someone who has spoken a lot) or an
 * invitation (someone quiet). Only they receive it; only the sender hears their answer. The wording
 * starts from the group's (editable, and savable as the group's own).
 */
export function NudgeComposer({ members, floor }: { members: Participant[]; floor: Floor }) {
  const id = useId();
  const [wording, setWording] = useState<NudgeWording>(DefaultNudgeWording);
  const [to, setTo] = useState('');
  const [kind, setKind] = useState<NudgeKind>('invite');
  const [text, setText] = useState(DefaultNudgeWording.invite);
  const [status, setStatus] = useState('');
  const { wording: loadWording } = floor;
  useEffect(() => {
    let cancelled = false;
    void loadWording().then((ack) => {
      if (cancelled || !ack.ok) return;
      setWording(ack.wording);
      setText(ack.wording.invite);
    });
    return () => {
      cancelled = true;
    };
    // Once, when the panel opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const target = members.find((m) => m.id === to) ?? members[0];
  if (!target) return null;
  const chooseKind = (next: NudgeKind) => {
    setKind(next);
    setText(next === 'invite' ? wording.invite : wording.makeSpace);
  };
  return (
    <form
      className="floor__form"
      aria-label="Private note"
      onSubmit={(event) => {
        event.preventDefault();
        void floor.sendNudge(target.id, kind, text.trim()).then((ack) => setStatus(ack.ok ? `Sent privately to ${target.displayName}.` : ''));
      }}
    >
      <h3 className="floor__heading">Private note</h3>
      <SelectField label="To" value={target.id} onChange={(e) => setTo(e.target.value)} options={members.map((m) => ({ value: m.id, label: m.displayName }))} />
      <SelectField label="Kind of note" value={kind} onChange={(e) => chooseKind(e.target.value as NudgeKind)}
        options={[{ value: 'invite', label: 'Invite to share (someone quiet)' }, { value: 'make_space', label: 'Make space for others (someone who has spoken a lot)' }]} />
      <div className="field">
        <label className="field__label" htmlFor={`${id}-text`}>Wording</label>
        <textarea id={`${id}-text`} className="field__input" rows={3} maxLength={maxLengthOf(NudgeTextSchema)} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="floor__actions">
        <Button type="submit" variant="primary" disabled={!text.trim()}>Send privately</Button>
        <Button variant="quiet" disabled={!text.trim()} onClick={() => {
          const next = kind === 'invite' ? { ...wording, invite: text.trim() } : { ...wording, makeSpace: text.trim() };
          void floor.saveWording(next).then((ack) => {
            if (!ack.ok) return;
            setWording(ack.wording);
            setStatus('Saved as the group\'s wording.');
          });
        }}>Save as the group's wording</Button>
      </div>
      <p role="status" className="floor__note">{status}</p>
    </form>
  );
}
