import { describe, expect, it } from 'vitest';
import type { Role } from '@hearth/shared';
import { mayModerate, type ModerationAction } from '../../server/src/modules/moderation/moderation.policy.js';

const fac = { id: 'fac', role: 'facilitator' as Role };
const co = { id: 'co', role: 'co_facilitator' as Role };
const co2 = { id: 'co2', role: 'co_facilitator' as Role };
const sup = { id: 'sup', role: 'supervisor' as Role };
const mem = { id: 'mem', role: 'member' as Role };
const mem2 = { id: 'mem2', role: 'member' as Role };

type Row = { case: string; actor: typeof fac; target: typeof fac; action: ModerationAction; allowed: boolean };

describe('mayModerate', () => {
  it.each<Row>([
    { case: '[MD3] a facilitator cannot mute themselves', actor: fac, target: fac, action: 'mute', allowed: false },
    { case: '[MD3] a facilitator cannot remove themselves', actor: fac, target: fac, action: 'remove', allowed: false },
    { case: '[MD3] a co-facilitator cannot mute themselves', actor: co, target: co, action: 'mute', allowed: false },
    { case: '[MD3] a co-facilitator cannot remove themselves', actor: co, target: co, action: 'remove', allowed: false },
    { case: '[MD4] a co-facilitator cannot remove the group facilitator', actor: co, target: fac, action: 'remove', allowed: false },
    { case: '[MD4] a co-facilitator may still mute the group facilitator', actor: co, target: fac, action: 'mute', allowed: true },
    { case: '[MD5] a member cannot mute anyone', actor: mem, target: mem2, action: 'mute', allowed: false },
    { case: '[MD5] a member cannot remove anyone', actor: mem, target: mem2, action: 'remove', allowed: false },
    { case: '[MD5] a member cannot remove a facilitator', actor: mem, target: fac, action: 'remove', allowed: false },
    { case: 'a facilitator may mute a member', actor: fac, target: mem, action: 'mute', allowed: true },
    { case: 'a facilitator may remove a member', actor: fac, target: mem, action: 'remove', allowed: true },
    { case: 'a facilitator may remove a co-facilitator', actor: fac, target: co, action: 'remove', allowed: true },
    { case: 'a co-facilitator may remove a member', actor: co, target: mem, action: 'remove', allowed: true },
    { case: '[MD17] a co-facilitator cannot remove another co-facilitator', actor: co, target: co2, action: 'remove', allowed: false },
    { case: '[MD17] a co-facilitator cannot ban another co-facilitator', actor: co, target: co2, action: 'ban', allowed: false },
    { case: '[MD17] a co-facilitator cannot remove the supervisor', actor: co, target: sup, action: 'remove', allowed: false },
    { case: '[MD17] a co-facilitator cannot ban the supervisor', actor: co, target: sup, action: 'ban', allowed: false },
    { case: '[MD17] a co-facilitator may still mute another co-facilitator', actor: co, target: co2, action: 'mute', allowed: true },
    { case: '[MD17] the group facilitator may ban a co-facilitator', actor: fac, target: co, action: 'ban', allowed: true },
    { case: '[MD17] the group facilitator may remove the supervisor', actor: fac, target: sup, action: 'remove', allowed: true },
    { case: 'a co-facilitator may ban a member', actor: co, target: mem, action: 'ban', allowed: true },
  ])('$case', ({ actor, target, action, allowed }) => {
    const verdict = mayModerate(actor, target, action);
    expect(verdict.allowed).toBe(allowed);
    if (!verdict.allowed) expect(verdict.reason.length).toBeGreaterThan(0);
  });

  it('[MD3] self-moderation points to the person\'s own controls', () => {
    expect(mayModerate(fac, fac, 'mute')).toEqual({ allowed: false, reason: 'Use your own microphone button.' });
    expect(mayModerate(fac, fac, 'remove')).toEqual({ allowed: false, reason: 'Use Leave to leave the session.' });
  });
});
