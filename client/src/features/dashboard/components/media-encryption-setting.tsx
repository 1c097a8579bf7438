import type { Group } from '@hearth/shared';
import { setGroupMediaEncryption } from '../api/dashboard-api';
import { GroupSettingToggle } from './group-setting-toggle';

/**
 * [LE1] Whether the group's sessions encrypt their media end to end in LiveKit mode. It applies to
 * sessions started afterwards, so everyone in one room always holds the same key.
 */
export function MediaEncryptionSetting({ group, onSaved }: { group: Group; onSaved: (group: Group) => void }) {
  return (
    <GroupSettingToggle
      className="media-encryption-setting"
      heading="Media encryption"
      label="Encrypt audio and video end to end"
      hint="Only matters when Hearth uses a LiveKit media server (for larger groups, or a LiveKit you do not run yourself, such as LiveKit Cloud). Each session then gets its own key, which Hearth gives only to the people it lets into the room, so the media server forwards audio and video it cannot see or hear. In the peer-to-peer mode for small groups, browsers already encrypt to each other. Applies to sessions started after you change it; a browser that cannot encrypt cannot join."
      value={group.mediaEncryption}
      read={(saved) => saved.mediaEncryption}
      save={(enabled) => setGroupMediaEncryption(group.id, { enabled })}
      saidWhen={{
        on: 'End-to-end encryption is on for sessions you start from now on. A session already running keeps how it started.',
        off: 'End-to-end encryption is off for sessions you start from now on. A session already running keeps how it started.',
      }}
      onSaved={onSaved}
    />
  );
}
