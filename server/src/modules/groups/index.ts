/**
 * Front door of `groups`: groups, their co-facilitators [CF3] [CF5] and their sessions' routes; the policy every
 * facilitator route asks [CF4]: a facilitator reaches only the groups they host or co-facilitate (anyone else's
 * is `not_found`), and a group's settings and facilitators are its host's (a co-facilitator hears `not_allowed`).
 */
export { facilitatedGroup, facilitatedSession, hostedGroup, type FacilitatedGroup } from './groups.policy.js';
export { publicGroup, type GroupRecord } from './groups.repository.js';
