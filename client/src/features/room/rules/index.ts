/** Rules in the room: ground rules (G), spotlight, asks to revisit, proposals, and the session agenda. Depends on the session. */
export { RulesProvider, useAgenda, useGroundRules } from './rules-context';
export { GroundRules } from './ground-rules';
export { SessionAgenda } from './session-agenda';
