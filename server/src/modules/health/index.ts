/**
 * Front door of `health`: what this node tells a load balancer ([ND3] draining, [ND5] what it can reach).
 */
export { checkHealth } from './health.js';
export { healthRoutes } from './health.routes.js';
export { NodeState } from './node-state.js';
