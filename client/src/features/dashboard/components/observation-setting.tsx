import type { Group } from '@hearth/shared';
import { setGroupObservation } from '../api/dashboard-api';
import { GroupSettingToggle } from './group-setting-toggle';

/** [SV6] Whether a supervisor may observe the group's sessions. */
export function ObservationSetting({ group, onSaved }: { group: Group; onSaved: (group: Group) => void }) {
  return (
    <GroupSettingToggle
      className="observation-setting"
      heading="Observation"
      label="Allow a supervisor to observe sessions"
      hint="A supervisor sees and hears the group and does not speak or appear. Members are never observed without knowing: they are told before they join, and in the room when an observer is present (not who)."
      value={group.observationAllowed}
      read={(saved) => saved.observationAllowed}
      save={(allowed) => setGroupObservation(group.id, { allowed })}
      saidWhen={{
        on: 'Observation is on. Members are told before they join that a supervisor may observe, and in the room when one is present.',
        off: 'Observation is off. No supervisor can join this group’s sessions, and anyone observing a live session has been taken out.',
      }}
      onSaved={onSaved}
    />
  );
}
