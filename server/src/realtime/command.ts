import type { FastifyBaseLogger } from 'fastify';
import { Compile } from 'typebox/compile';
import {
  ClientCommands,
  describeMismatch,
  fail,
  isFacilitatorRole,
  isStaffRole,
  Role,
  type ClientCommandName,
  type CommandAck,
  type CommandPayload,
} from '@hearth/shared';
import { commandPolicy } from './command-policy.js';
import { BudgetUnavailable } from '../lib/index.js';
import { commandRateLimitsOf } from './command-rate-limit.js';
import type { HearthSocket } from './socket-types.js';

const validators = Object.fromEntries(
  Object.entries(ClientCommands).map(([name, spec]) => [name, Compile(spec.payload)]),
) as { [E in ClientCommandName]: ReturnType<typeof Compile> };

export type Handler<E extends ClientCommandName> = (payload: CommandPayload<E>) => Promise<CommandAck<E>> | CommandAck<E>;

/**
 * Registers a command handler behind the checks every command gets, in this order: the sender's role
 * ([AU1] not_allowed), having joined (not_in_room), the sender's rate budgets
 * ([RL1] rate_limited), the payload schema (invalid_payload). Unexpected errors are logged without
 * payloads and answered as internal_error; the server stays up.
 */
export function onCommand<E extends ClientCommandName>(socket: HearthSocket, log: FastifyBaseLogger, event: E, handler: Handler<E>): void {
  const policy = commandPolicy[event];
  const validator = validators[event];
  // socket.io's typed `on` cannot express "payload is unknown until validated", so register untyped.
  (socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void }).on(event, async (...args: unknown[]) => {
    const respond = ackOf(args);
    if (!respond) return;
    const reply = (result: CommandAck<E>) => respond(result);
    const payload = typeof args[0] === 'function' ? undefined : args[0];
    const role = socket.data.identity.role;
    if (policy.roles === 'facilitators' && !isFacilitatorRole(role)) {
      return reply(fail('not_allowed', 'Only facilitators can do that.'));
    }
    if (policy.roles === 'staff' && !isStaffRole(role)) return reply(fail('not_allowed', 'Only facilitators can do that.'));
    if (policy.roles === 'anyone' && role === Role.supervisor && !policy.observer) {
      return reply(fail('not_allowed', 'You are observing this session, so you cannot do that.'));
    }
    if (policy.needsJoin && !socket.data.joined) return reply(fail('not_in_room', 'Join the room first.'));
    // Before validation, so a flood of malformed payloads spends the budget too.
    let allowed: boolean;
    try {
      allowed = await commandRateLimitsOf(socket.nsp.server).allow(socket.data.identity.participantId, event);
    } catch (err) {
      // [ND5] Redis away: refuse clearly rather than let everything through uncounted.
      if (!(err instanceof BudgetUnavailable)) throw err;
      return reply(fail('service_unavailable', 'Hearth cannot reach one of its services just now. Nothing was changed; please try again shortly.'));
    }
    if (!allowed) return reply(fail('rate_limited', 'That was a lot at once. Please wait a moment and try again.'));
    if (!validator.Check(payload)) return reply(fail('invalid_payload', describeMismatch(ClientCommands[event].payload, payload)));
    try {
      reply(await handler(payload as CommandPayload<E>));
    } catch (err) {
      log.error({ err, event, sessionId: socket.data.identity.sessionId }, 'command failed');
      reply(fail('internal_error', 'Something went wrong on our side. Please try again.'));
    }
  });
}

/** The ack is the last argument; a command sent without one cannot be answered and is ignored. */
export function ackOf(args: unknown[]): ((result: unknown) => void) | undefined {
  const last = args.at(-1);
  return typeof last === 'function' ? (last as (result: unknown) => void) : undefined;
}
