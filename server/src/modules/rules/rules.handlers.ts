import type { FastifyBaseLogger } from 'fastify';
import { fail, isFacilitatorRole, ok, type RuleSet } from '@hearth/shared';
import { onCommand } from '../../realtime/index.js';
import { sessionChannel, type HearthServer, type HearthSocket } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import { newId } from '../../lib/index.js';
import { facilitators } from '../recipients/index.js';
import { adoptionBody, decided, isRefusal, propose, publicProposal, respond } from './proposals.js';
import { nextVersion } from './rule-versions.js';

/**
 * Ground rules in the room. Invariants, tested by id (docs/spec.md):
 * - [GR2] only facilitators spotlight (command-policy.ts); nobody edits rules over the socket at all;
 * - [GR6] a request to revisit a rule reaches the session's facilitators with the rule and nothing
 *   about who asked: no id, name or connection is put in the fact, and the log records nothing of it;
 * - rules are always the group's current version, read from the database, never from a payload;
 * - [GR7] drafting together: anyone in the room proposes and answers; only facilitators adopt (a new
 *   version, made exactly as an edit would be) or set aside; responses leave the server as counts only.
 */
export function registerRulesHandlers(io: HearthServer, socket: HearthSocket, services: Pick<Services, 'now' | 'rooms' | 'ruleProposals' | 'rules' | 'sessions'>, log: FastifyBaseLogger): void {
  const self = socket.data.identity;

  async function currentRules(): Promise<RuleSet | null> {
    const session = await services.sessions.find(self.sessionId);
    return session ? services.rules.current(session.groupId) : null;
  }

  onCommand(socket, log, 'rules:get', async () => {
    const ruleSet = await currentRules();
    const consents = isFacilitatorRole(self.role) && ruleSet ? await services.rules.consentsForSession(self.sessionId, ruleSet.groupId) : null;
    const proposals = (await services.ruleProposals.list(self.sessionId)).map(publicProposal);
    return ok({ ruleSet, consents: isFacilitatorRole(self.role) ? (consents ?? []) : null, proposals });
  });

  onCommand(socket, log, 'rules:spotlight', async ({ ruleId }) => {
    const ruleSet = await currentRules();
    const rule = ruleSet?.rules.find((r) => r.id === ruleId);
    if (!ruleSet || !rule) return fail('not_found', 'That rule is not in the group\'s current rules.');
    io.to(sessionChannel(self.sessionId)).emit('rules:spotlighted', { version: ruleSet.version, rule, at: services.now() });
    return ok({});
  });

  onCommand(socket, log, 'rules:revisit', async ({ ruleId }) => {
    const ruleSet = await currentRules();
    const rule = ruleSet?.rules.find((r) => r.id === ruleId);
    if (!ruleSet || !rule) return fail('not_found', 'That rule is not in the group\'s current rules.');
    // Built here from the rule alone, so nothing of the sender can ride along.
    const request = { version: ruleSet.version, rule: { id: rule.id, text: rule.text }, at: services.now() };
    for (const connectionId of facilitators(services.rooms.list(self.sessionId), { participantId: self.participantId })) io.to(connectionId).emit('rules:revisit-requested', request);
    return ok({});
  });

  const channel = sessionChannel(self.sessionId);

  onCommand(socket, log, 'rules:propose', async ({ ruleId, text }) => {
    const outcome = propose(await currentRules(), { ruleId, text }, newId());
    if (!outcome.ok) return fail(outcome.code, outcome.message);
    if (!(await services.ruleProposals.add(self.sessionId, outcome.proposal))) return fail('conflict', 'This session already has as many proposals as it can hold.');
    const proposal = publicProposal(outcome.proposal);
    io.to(channel).emit('rules:proposal', proposal);
    return ok({ proposal });
  });

  onCommand(socket, log, 'rules:respond', async ({ proposalId, response }) => {
    // [ND11] A compare-and-set: a response that lost a race with another reads again, so both are counted.
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await services.ruleProposals.find(self.sessionId, proposalId);
      if (!current) return fail('not_found', 'There is no such proposal in this session.');
      const next = respond(current, self.participantId, response);
      if (isRefusal(next)) return fail(next.code, next.message);
      if (!(await services.ruleProposals.replace(self.sessionId, current, next))) continue;
      const proposal = publicProposal(next);
      io.to(channel).emit('rules:proposal', proposal);
      return ok({ proposal });
    }
    return fail('conflict', 'Many responses arrived at once; please try again.');
  });

  onCommand(socket, log, 'rules:decide', async ({ proposalId, decision }) => {
    if (!(await services.ruleProposals.claim(proposalId))) return fail('conflict', 'Another facilitator is deciding this proposal.');
    try {
      return await decide(proposalId, decision);
    } finally {
      await services.ruleProposals.release(proposalId);
    }
  });

  async function decide(proposalId: string, decision: 'adopt' | 'set_aside') {
    const current = await services.ruleProposals.find(self.sessionId, proposalId);
    if (!current) return fail('not_found', 'There is no such proposal in this session.');
    let version: number | null = null;
    if (decision === 'adopt') {
      const rules = await currentRules();
      const body = adoptionBody(rules, current);
      if (isRefusal(body)) return fail(body.code, body.message);
      const next = nextVersion(rules, body, rules?.groupId ?? '', services.now(), newId);
      if (next.kind === 'conflict') return fail('conflict', 'The rules changed just now. Please try again.');
      if (next.kind === 'created') {
        if (!(await services.rules.add(next.ruleSet, null))) return fail('conflict', 'The rules changed just now. Please try again.');
        io.to(channel).emit('rules:updated', next.ruleSet);
      }
      version = next.ruleSet.version;
    }
    // Re-read (and again if a response lands in between): a response may have landed while the version was stored.
    for (let attempt = 0; attempt < 5; attempt++) {
      const latest = (await services.ruleProposals.find(self.sessionId, proposalId)) ?? current;
      const outcome = decided(latest, decision, version);
      if (isRefusal(outcome)) return fail(outcome.code, outcome.message);
      if (!(await services.ruleProposals.replace(self.sessionId, latest, outcome))) continue;
      const proposal = publicProposal(outcome);
      io.to(channel).emit('rules:proposal', proposal);
      return ok({ proposal });
    }
    return fail('conflict', 'The proposal changed several times at once; please try again.');
  }
}
