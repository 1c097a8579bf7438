import { describe, expect, test } from 'vitest';
import { fail } from '@hearth/shared';
import { runGates, type JoinAttempt, type JoinGate } from '../../server/src/modules/rooms/join-pipeline.js';

// room:join's gates run in rooms' order; the first refusal is the answer and nothing after it runs.

const attempt: JoinAttempt = {
  identity: { participantId: 'p1', sessionId: 's1', role: 'member', displayName: 'Sam', organisation: null, inviteId: 'i1' },
  payload: { audio: true, video: true },
};

function recording() {
  const ran: string[] = [];
  const gate = (name: string, verdict: Awaited<ReturnType<JoinGate>>): JoinGate => async () => {
    ran.push(name);
    return verdict;
  };
  return { ran, gate };
}

describe('runGates', () => {
  test('runs every gate in order and gathers the steps to take once the person is in', async () => {
    const { ran, gate } = recording();
    const steps: string[] = [];
    const result = await runGates(
      [gate('consent', { ok: true }), gate('admission', { ok: true, afterJoin: async () => void steps.push('record entry') }), gate('name', { ok: true })],
      attempt,
    );
    expect(ran).toEqual(['consent', 'admission', 'name']);
    if (!result.ok) throw new Error('expected to pass');
    for (const step of result.afterJoin) await step();
    expect(steps).toEqual(['record entry']);
  });

  test('answers with the first refusal and runs no gate after it, nor any step of the gates before', async () => {
    const { ran, gate } = recording();
    const steps: string[] = [];
    const result = await runGates(
      [
        gate('consent', { ok: true, afterJoin: async () => void steps.push('never') }),
        gate('admission', fail('admission_required', 'Please wait.')),
        gate('name', fail('invalid_payload', 'That name is taken.')),
      ],
      attempt,
    );
    expect(result).toEqual({ ok: false, error: { code: 'admission_required', message: 'Please wait.' } });
    expect(ran).toEqual(['consent', 'admission']);
    expect(steps).toEqual([]);
  });
});
