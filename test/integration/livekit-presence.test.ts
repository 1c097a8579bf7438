import { beforeEach, describe, expect, it } from 'vitest';
import { memberCredential, type LiveSession } from '../support/api.js';
import type { TestHearth } from '../support/hearth.js';
import { useLiveKitRoom, type LiveKitDouble } from '../support/livekit-double.js';
import { joinAnyMode } from '../support/sockets.js';
import { pollUntil } from '../support/webrtc-probe.js';

/**
 * [LR12] The SFU room follows Hearth's presence, against the double (whose answers the contract suite
 * checks against the real server): someone whose place in Hearth's room ended and who did not come
 * back within the grace is removed from the SFU; someone who came back is left alone.
 */
const fixture = useLiveKitRoom();
let hearth: TestHearth;
let live: LiveSession;
let livekit: LiveKitDouble;
beforeEach(() => ({ hearth, live, livekit } = fixture));

const removalsOf = (identity: string) => livekit.callsOf('RemoveParticipant').filter((c) => c.identity === identity && c.room === live.session.id);

describe('[LR12] the SFU room follows Hearth’s presence', () => {
  it('a member whose socket drops and who does not come back is removed from the SFU room', async () => {
    const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
    const { self } = await joinAnyMode(sam);
    livekit.seed(live.session.id, self.id, [{ sid: 'TR_mic', kind: 'audio' }]);
    sam.close();
    await pollUntil('Sam removed from the SFU room', async () => removalsOf(self.id).length, (n) => n === 1, { timeoutMs: 6_000 });
    expect(livekit.participant(live.session.id, self.id)).toBeUndefined();
  });

  it('a member who comes back within the grace (a reload) is left in the SFU room', async () => {
    const credential = await memberCredential(hearth, live, 'Alex');
    const first = await fixture.connect(credential.token);
    const { self } = await joinAnyMode(first);
    livekit.seed(live.session.id, self.id, [{ sid: 'TR_mic', kind: 'audio' }]);
    first.close();
    await joinAnyMode(await fixture.connect(credential.token));
    // Past the grace (3 s), nothing was removed.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect(removalsOf(self.id)).toEqual([]);
    expect(livekit.participant(live.session.id, self.id)).toBeDefined();
  });
});
