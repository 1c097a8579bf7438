import type { RuleSet } from '@hearth/shared';
import { describe, expect, it } from 'vitest';
import { adoptionBody, decided, isRefusal, propose, ProposalBoard, publicProposal, respond, type ProposalRecord } from '../../server/src/modules/rules/proposals.js';

const v2: RuleSet = { groupId: 'g', version: 2, confidentiality: 'Stays here', rules: [{ id: 'a', text: 'Respect' }, { id: 'b', text: 'Pass' }], createdAt: 0 };

function made(input: { ruleId?: string; text: string }): ProposalRecord {
  const out = propose(v2, input, 'p1');
  if (!out.ok) throw new Error(out.message);
  return out.proposal;
}

describe('[GR7] drafting together', () => {
  it('a proposal without a rule adds one; with a rule it rewords that rule', () => {
    expect(made({ text: ' Cameras optional ' })).toMatchObject({ kind: 'add', ruleId: null, text: 'Cameras optional', status: 'open' });
    expect(made({ ruleId: 'b', text: 'You may pass' })).toMatchObject({ kind: 'change', ruleId: 'b' });
    expect(propose(v2, { ruleId: 'zzz', text: 'x' }, 'p')).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('one response per person, a new one replacing theirs; only counts leave the server', () => {
    let p = made({ text: 'Cameras optional' });
    for (const [who, response] of [['sam', 'agree'], ['alex', 'agree'], ['sam', 'concern']] as const) {
      const next = respond(p, who, response);
      if (isRefusal(next)) throw new Error(next.message);
      p = next;
    }
    expect(publicProposal(p)).toEqual({ id: 'p1', kind: 'add', ruleId: null, text: 'Cameras optional', agree: 1, concern: 1, status: 'open', adoptedVersion: null });
    expect(JSON.stringify(publicProposal(p))).not.toMatch(/sam|alex/);
  });

  it('adopting builds the next version from the current one', () => {
    expect(adoptionBody(v2, made({ text: 'Cameras optional' }))).toEqual({ basedOn: 2, confidentiality: 'Stays here', rules: [{ id: 'a', text: 'Respect' }, { id: 'b', text: 'Pass' }, { text: 'Cameras optional' }] });
    expect(adoptionBody(v2, made({ ruleId: 'b', text: 'You may pass' }))).toEqual({ basedOn: 2, confidentiality: 'Stays here', rules: [{ id: 'a', text: 'Respect' }, { id: 'b', text: 'You may pass' }] });
  });

  it('a change to a rule removed since cannot be adopted, nor anything before the group has rules', () => {
    const change = made({ ruleId: 'b', text: 'You may pass' });
    expect(adoptionBody({ ...v2, version: 3, rules: [v2.rules[0]!] }, change)).toMatchObject({ ok: false, code: 'conflict' });
    expect(adoptionBody(null, made({ text: 'x' }))).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('once decided, a proposal can be neither answered nor decided again', () => {
    const adopted = decided(made({ text: 'x' }), 'adopt', 3);
    if (isRefusal(adopted)) throw new Error(adopted.message);
    expect(adopted).toMatchObject({ status: 'adopted', adoptedVersion: 3 });
    expect(respond(adopted, 'sam', 'agree')).toMatchObject({ ok: false, code: 'conflict' });
    expect(decided(adopted, 'set_aside', null)).toMatchObject({ ok: false, code: 'conflict' });
    expect(adoptionBody(v2, adopted)).toMatchObject({ ok: false, code: 'conflict' });
    expect(decided(made({ text: 'y' }), 'set_aside', null)).toMatchObject({ status: 'set_aside', adoptedVersion: null });
  });

  it('a session holds a bounded number of proposals, and one decision at a time per proposal', async () => {
    const board = new ProposalBoard();
    for (let i = 0; i < ProposalBoard.perSession; i++) expect(await board.add('s', { ...made({ text: 'x' }), id: `p${i}` })).toBe(true);
    expect(await board.add('s', made({ text: 'one too many' }))).toBe(false);
    expect(await board.list('other')).toEqual([]);
    expect(await board.claim('p1')).toBe(true);
    expect(await board.claim('p1')).toBe(false);
    await board.release('p1');
    expect(await board.claim('p1')).toBe(true);
  });
});
