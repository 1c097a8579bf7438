import { fail, type Fail, type Role, type RoomRules } from '@hearth/shared';
import type { JoinGate } from '../rooms/index.js';
import type { Services } from '../../services.js';
import { consentRequired } from './consent.js';
import { diffRuleSets } from './rule-diff.js';

export interface GateIdentity {
  participantId: string;
  sessionId: string;
  role: Role;
}

/**
 * The consent gate as one question, asked by both the pre-join page (to show the rules) and `room:join`
 * (to refuse): the session's group, its current rules, and whether this person still has to agree.
 * Identity always comes from the server's records (the credential or the handshake), never a payload.
 */
export async function roomRules(services: Pick<Services, 'rules' | 'sessions'>, who: GateIdentity): Promise<(Omit<RoomRules, 'observationAllowed'> & { groupId: string }) | null> {
  const session = await services.sessions.find(who.sessionId);
  if (!session) return null;
  const ruleSet = await services.rules.current(session.groupId);
  const consentedVersion = ruleSet ? await services.rules.consentedVersion(who.participantId, session.groupId) : null;
  const required = consentRequired(who.role, ruleSet?.version ?? null, consentedVersion);
  let changes = null;
  if (required && ruleSet && consentedVersion !== null) {
    const before = await services.rules.version(session.groupId, consentedVersion);
    if (before) changes = diffRuleSets(before, ruleSet);
  }
  return { groupId: session.groupId, ruleSet, consentRequired: required, consentedVersion, changes };
}

/** [GR5] `room:join`'s check: a member who has not agreed to the current version is refused, whatever the client does. */
export async function joinRefusal(services: Pick<Services, 'rules' | 'sessions'>, who: GateIdentity): Promise<Fail | undefined> {
  const rules = await roomRules(services, who);
  if (!rules?.consentRequired) return undefined;
  return fail(
    'consent_required',
    rules.consentedVersion === null
      ? 'Please read and agree to the group\'s ground rules before joining.'
      : 'The group\'s ground rules have changed. Please read them and agree again before joining.',
  );
}

/** [GR5] The consent gate as `room:join` asks it (rooms/join-pipeline.ts). */
export function consentJoinGate(services: Pick<Services, 'rules' | 'sessions'>): JoinGate {
  return async ({ identity }) => (await joinRefusal(services, identity)) ?? { ok: true };
}
