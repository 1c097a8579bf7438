/**
 * Front door of `reactions`: quiet reactions in the room (RX1-RX4). Only the group's on/off setting is
 * stored; a reaction passes through the server to the room and is forgotten.
 */
export { deliverReactionSettings, registerReactionHandlers } from './reactions.handlers.js';
export { reactionsRepository, type ReactionsRepository } from './reactions.repository.js';
