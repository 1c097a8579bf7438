/**
 * The ground rules in the room, wired to the room socket: the panel loads the group's current rules
 * when opened; facilitators spotlight a rule for everyone; anyone may ask, anonymously, to revisit one.
 * The server decides who hears what; nothing here names a recipient or the person asking.
 */
import { useCallback, useEffect, useReducer } from 'react';
import { groundRulesReducer, initialGroundRulesState } from './ground-rules-state';
import type { RoomCommand, RoomListen } from '../session';

interface Options {
  command: RoomCommand;
  listen: RoomListen;
}

export function useGroundRulesState({ command, listen }: Options) {
  const [state, dispatch] = useReducer(groundRulesReducer, initialGroundRulesState);

  useEffect(() => listen((fact) => {
    if (fact.name === 'rules:spotlighted') dispatch({ type: 'spotlighted', spotlight: fact.payload });
    else if (fact.name === 'rules:revisit-requested') dispatch({ type: 'revisit-requested', request: fact.payload });
    else if (fact.name === 'rules:proposal') dispatch({ type: 'proposal', proposal: fact.payload });
    else if (fact.name === 'rules:updated') dispatch({ type: 'rules-updated', ruleSet: fact.payload });
  }), [listen]);

  const load = useCallback(async () => {
    const ack = await command('rules:get', {});
    if (ack.ok) dispatch({ type: 'loaded', ruleSet: ack.ruleSet, consents: ack.consents, proposals: ack.proposals });
    else dispatch({ type: 'load-failed', message: ack.error.message });
  }, [command]);

  const { open } = state;
  useEffect(() => {
    if (open) void load();
  }, [open, load]);

  const toggle = useCallback(() => dispatch({ type: 'toggled' }), []);
  const close = useCallback(() => dispatch({ type: 'closed' }), []);
  const openPanel = useCallback(() => dispatch({ type: 'opened' }), []);
  const dismissSpotlight = useCallback(() => dispatch({ type: 'spotlight-dismissed' }), []);
  const dismissRevisit = useCallback((key: number) => dispatch({ type: 'revisit-dismissed', key }), []);

  const spotlight = useCallback(async (ruleId: string) => {
    const ack = await command('rules:spotlight', { ruleId });
    if (!ack.ok) dispatch({ type: 'announce', text: ack.error.message });
  }, [command]);

  const revisit = useCallback(async (ruleId: string) => {
    const ack = await command('rules:revisit', { ruleId });
    dispatch({ type: 'announce', text: ack.ok ? 'Sent. The facilitators see the rule, not who asked.' : ack.error.message });
  }, [command]);

  /** Drafting together. Each answer updates the list at once; the fact that follows changes nothing more. */
  const propose = useCallback(async (text: string, ruleId: string | null) => {
    const ack = await command('rules:propose', ruleId ? { ruleId, text } : { text });
    if (ack.ok) dispatch({ type: 'proposal', proposal: ack.proposal });
    dispatch({ type: 'announce', text: ack.ok ? 'Your proposal is with the group.' : ack.error.message });
    return ack.ok;
  }, [command]);

  const respond = useCallback(async (proposalId: string, response: 'agree' | 'concern') => {
    const ack = await command('rules:respond', { proposalId, response });
    if (ack.ok) dispatch({ type: 'proposal', proposal: ack.proposal });
    dispatch({ type: 'announce', text: ack.ok ? (response === 'agree' ? 'You agreed.' : 'Your concern is noted.') : ack.error.message });
  }, [command]);

  const decide = useCallback(async (proposalId: string, decision: 'adopt' | 'set_aside') => {
    const ack = await command('rules:decide', { proposalId, decision });
    if (ack.ok) dispatch({ type: 'proposal', proposal: ack.proposal });
    else dispatch({ type: 'announce', text: ack.error.message });
  }, [command]);

  return { state, toggle, close, openPanel, spotlight, revisit, dismissSpotlight, dismissRevisit, propose, respond, decide };
}
export type GroundRules = ReturnType<typeof useGroundRulesState>;
