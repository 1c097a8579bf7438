import { describe, expect, it } from 'vitest';
import { mutedAnnouncement, settingsAnnouncement, waitingArrivals } from '../../client/src/features/room/moderation/moderation-words.js';

const fran = { id: 'f', displayName: 'Fran' };
const wren = { participantId: 'w', displayName: 'Wren', organisation: null, since: 1 };
const dee = { participantId: 'd', displayName: 'Dee', organisation: 'Carers UK', since: 2 };

describe('what people are told', () => {
  it('announces only people who just started waiting, with their organisation', () => {
    expect(waitingArrivals([], [wren])).toBe('Wren is waiting to join');
    expect(waitingArrivals([wren], [wren, dee])).toBe('Dee (Carers UK) is waiting to join');
    expect(waitingArrivals([wren, dee], [wren])).toBeNull();
  });

  it('[MD12] members hear of the lock only; facilitators of both switches', () => {
    const open = { waitingRoom: false, locked: false };
    expect(settingsAnnouncement(open, { waitingRoom: false, locked: true }, fran, false)).toBe('The facilitator has locked this session: nobody new can join');
    expect(settingsAnnouncement(open, { waitingRoom: true, locked: false }, fran, false)).toBeNull();
    expect(settingsAnnouncement(open, { waitingRoom: true, locked: false }, fran, true)).toBe('Fran turned the waiting room on');
    expect(settingsAnnouncement({ waitingRoom: false, locked: true }, open, fran, true)).toBe('Fran unlocked the session');
  });

  it('[MD7] a member muted with everyone is told it was everyone', () => {
    expect(mutedAnnouncement('Fran', true)).toMatch(/^Fran muted everyone except the facilitators/);
    expect(mutedAnnouncement('Fran', false)).toMatch(/^Fran muted you\./);
    // Under floor control "you can unmute yourself" would be untrue: the server refuses until the floor is theirs.
    expect(mutedAnnouncement('Fran', false, true)).toBe('Fran is keeping the floor: only the person who has it can speak. You can unmute when the floor comes to you, or raise your hand (R).');
  });
});
