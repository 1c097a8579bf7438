import { describe, expect, it } from 'vitest';
import type { Role } from '@hearth/shared';
import { mayModerate, muteAllTargets, type ModerationAction } from '../../server/src/modules/moderation/moderation.policy.js';
import { admissionVerdict, type AdmissionVerdict } from '../../server/src/modules/waiting-room/admission.js';

const fac = { id: 'f', role: 'facilitator' as Role };
const co = { id: 'c', role: 'co_facilitator' as Role };

describe('mayModerate for the new actions', () => {
  it.each([
    [fac, 'member', 'stop_video', true],
    [co, 'member', 'stop_video', true],
    [fac, 'supervisor', 'stop_video', false],
    [fac, 'member', 'ask_unmute', true],
    [co, 'supervisor', 'ask_unmute', false],
    [fac, 'member', 'ban', true],
    [co, 'co_facilitator', 'ban', false], // [MD17] only the group's facilitator puts out staff
    [fac, 'co_facilitator', 'ban', true],
    [co, 'facilitator', 'ban', false],
    [{ id: 'm', role: 'member' as Role }, 'member', 'ban', false],
    [{ id: 's', role: 'supervisor' as Role }, 'member', 'stop_video', false],
  ] as [{ id: string; role: Role }, Role, ModerationAction, boolean][])('[MD4] [MD5] %o may %s a %s: %s', (actor, targetRole, action, allowed) => {
    expect(mayModerate(actor, { id: 't', role: targetRole }, action).allowed).toBe(allowed);
  });

  it.each(['stop_video', 'ask_unmute', 'ban'] as ModerationAction[])('[MD3] nobody may %s themselves', (action) => {
    expect(mayModerate(fac, fac, action)).toMatchObject({ allowed: false });
  });
});

describe('[MD7] mute everyone', () => {
  it('takes the members whose microphone is on, never facilitators, the supervisor or the actor', () => {
    const people = [
      { id: 'f', role: 'facilitator' as Role, audio: true },
      { id: 'c', role: 'co_facilitator' as Role, audio: true },
      { id: 's', role: 'supervisor' as Role, audio: false },
      { id: 'a', role: 'member' as Role, audio: true },
      { id: 'b', role: 'member' as Role, audio: false },
    ];
    expect(muteAllTargets(people, 'f').map((p) => p.id)).toEqual(['a']);
  });
});

describe('admission', () => {
  const open = { waitingRoom: false, locked: false };
  it.each([
    ['member', false, false, open, 'enter'],
    ['member', false, false, { waitingRoom: true, locked: false }, 'wait'],
    ['member', false, true, { waitingRoom: true, locked: false }, 'enter'],
    ['member', false, false, { waitingRoom: true, locked: true }, 'locked'],
    ['member', false, true, { waitingRoom: false, locked: true }, 'enter'],
    ['member', true, true, open, 'banned'],
    ['co_facilitator', false, false, { waitingRoom: true, locked: true }, 'enter'],
    ['supervisor', false, false, { waitingRoom: true, locked: true }, 'enter'],
    ['facilitator', false, false, { waitingRoom: true, locked: true }, 'enter'],
  ] as [Role, boolean, boolean, { waitingRoom: boolean; locked: boolean }, AdmissionVerdict][])(
    '[MD15] [MD9]-[MD12] a %s (banned %s, admitted %s) with %o: %s',
    (role, banned, admitted, settings, verdict) => {
      expect(admissionVerdict({ role, banned, admitted }, settings)).toBe(verdict);
    },
  );
});
