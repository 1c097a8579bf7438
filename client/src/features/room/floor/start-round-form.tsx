import { useState } from 'react';
import { maxLengthOf, StartRoundSchema, type RoundKind, type RoundOrder, type StartRound } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { SelectField } from '../../../components/ui/select-field';

/** Facilitators: start a go-round. Floor control is an explicit choice; the timer alone never mutes. */
export function StartRoundForm({ onStart }: { onStart: (round: StartRound) => void }) {
  const [kind, setKind] = useState<RoundKind>('check_in');
  const [prompt, setPrompt] = useState('');
  const [order, setOrder] = useState<RoundOrder>('join');
  const [seconds, setSeconds] = useState('0');
  const [control, setControl] = useState(false);
  return (
    <form
      className="floor__form"
      aria-label="Start a round"
      onSubmit={(event) => {
        event.preventDefault();
        onStart({
          kind, order, floorControl: control,
          ...(prompt.trim() ? { prompt: prompt.trim() } : {}),
          ...(seconds !== '0' ? { turnSeconds: Number(seconds) } : {}),
        });
      }}
    >
      <h3 className="floor__heading">Start a round</h3>
      <SelectField label="Round" value={kind} onChange={(e) => setKind(e.target.value as RoundKind)}
        options={[{ value: 'check_in', label: 'Check-in' }, { value: 'check_out', label: 'Check-out' }, { value: 'other', label: 'Another round' }]} />
      <Field label="Prompt (optional)" value={prompt} maxLength={maxLengthOf(StartRoundSchema, 'prompt')} onChange={(e) => setPrompt(e.target.value)} />
      <SelectField label="Order" value={order} onChange={(e) => setOrder(e.target.value as RoundOrder)}
        options={[{ value: 'join', label: 'Join order' }, { value: 'queue', label: 'Raised hands first' }, { value: 'shuffled', label: 'Shuffled' }]} />
      <SelectField label="Time per turn" value={seconds} onChange={(e) => setSeconds(e.target.value)}
        options={[{ value: '0', label: 'No timer' }, { value: '60', label: '1 minute' }, { value: '120', label: '2 minutes' }, { value: '180', label: '3 minutes' }, { value: '300', label: '5 minutes' }]} />
      <label className="floor__check">
        <input type="checkbox" checked={control} onChange={(e) => setControl(e.target.checked)} />
        Mute others during each turn (floor control)
      </label>
      <Button type="submit" variant="primary">Start round</Button>
    </form>
  );
}
