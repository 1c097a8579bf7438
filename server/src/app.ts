import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { migrateToLatest, openDatabase } from './db/database.js';
import { loggerOptions } from './lib/logger-options.js';
import { healthRoutes } from './modules/health/index.js';
import { accountsRoutes } from './modules/accounts/accounts.routes.js';
import { recoveryRoutes } from './modules/accounts/recovery.routes.js';
import { SetupToken } from './modules/accounts/setup-token.js';
import { groupsRoutes } from './modules/groups/groups.routes.js';
import { coFacilitatorsRoutes } from './modules/groups/co-facilitators.routes.js';
import { organisationsRoutes } from './modules/organisations/organisations.routes.js';
import { facilitatorInvitesRoutes } from './modules/accounts/facilitator-invites.routes.js';
import { joinRoutes } from './modules/invites/join.routes.js';
import { sessionsRoutes } from './modules/sessions/sessions.routes.js';
import { roomRulesRoutes } from './modules/rules/room-rules.routes.js';
import { rulesRoutes } from './modules/rules/rules.routes.js';
import { agendaRoutes } from './modules/agenda/agenda.routes.js';
import { talkTimeRoutes } from './modules/talk-time/talk-time.routes.js';
import { signallingRoutes } from './modules/signalling/signalling.routes.js';
import { livekitWebhookRoutes } from './modules/livekit/livekit-webhook.routes.js';
import { waitingRoomRoutes } from './modules/waiting-room/waiting-room.routes.js';
import { apiDocsPlugin } from './plugins/api-docs.js';
import { authPlugin } from './plugins/auth.js';
import { installErrorHandler } from './plugins/error-handler.js';
import { securityPlugin } from './plugins/security.js';
import { sameOriginPlugin } from './plugins/same-origin.js';
import { staticClientPlugin } from './plugins/static-client.js';
import { restoreLiveState } from './live-state.js';
import { attachRealtime, createSocketServer } from './realtime/socket-server.js';
import { moveConnections } from './realtime/drain.js';
import { realtimeWiring } from './realtime-wiring.js';
import { createServices, type Services } from './services.js';
import { connectRedis } from './lib/index.js';
import { SharedRoomRegistry } from './modules/rooms/shared-room-registry.js';
import { RedisFloorBoard } from './modules/floor/floor-board-redis.js';
import { CommandRateLimits, useCommandRateLimits } from './realtime/command-rate-limit.js';

export interface HearthApp {
  app: FastifyInstance;
  services: Services;
  /** The one-time link that creates the first facilitator, or null once an account exists. */
  setupLink: string | null;
  /**
   * [ND3] A graceful stop with several nodes, before `app.close()`: readiness fails, joins are refused
   * with `draining`, and this node's people are moved to the other nodes (at most DRAIN_SECONDS).
   */
  drain(): Promise<void>;
}

/**
 * Builds the whole server (database migrated, routes, socket.io, signalling) without listening, so
 * tests run the real thing on port 0. Order follows fastify/demo: external plugins, our services, routes.
 */
export async function buildApp(
  config: Config,
  options: { now?: () => number; /** The on-call webhook's retry back-off (tests shorten it). */ oncallRetryDelaysMs?: readonly number[] } = {},
): Promise<HearthApp> {
  const app = Fastify({
    logger: loggerOptions(config),
    trustProxy: config.trustProxy,
    bodyLimit: 64 * 1024,
    // Refuse what does not match instead of silently repairing it: extra fields and wrong types are errors.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
  });
  // [RS1] Node's server.close() ends only the connections idle at that moment; one still answering a request
  // goes back to keep-alive (72 s) and holds the stop open past its 10 s window. From the first moment of a
  // stop, a connection that finishes a response is ended at once (within Node's 1 s keep-alive grace).
  app.addHook('preClose', async () => {
    app.server.keepAliveTimeout = 1;
  });
  const db = openDatabase(config.database, (err) => app.log.warn({ err }, 'database connection lost; reconnecting on next query'));
  app.addHook('onClose', async () => db.destroy());
  await migrateToLatest(db);
  // [ND1] Several nodes: the shared Redis first, so socket.io is built on its adapter. Closed last, after
  // socket.io (its adapter still writes while connections drain).
  const redis = config.redisUrl ? await connectRedis(config.redisUrl, (err) => app.log.warn({ err: { message: err.message } }, 'Redis unreachable; retrying')) : null;
  if (redis) app.addHook('onClose', async () => redis.close());
  const io = createSocketServer(app.server, redis?.adapter);
  if (redis) useCommandRateLimits(io, new CommandRateLimits(undefined, undefined, redis.commands));
  const services = createServices(config, db, app.log, io, { ...options, redis });
  // [ND7] Before listening: this node knows who is in every room on every node.
  if (services.rooms instanceof SharedRoomRegistry) {
    const shared = services.rooms;
    await shared.start();
    app.addHook('onClose', async () => shared.stop());
  }
  if (services.floor instanceof RedisFloorBoard) await services.floor.start();
  // [RS4] Before listening: the first person back finds the hand still up and the round at its speaker.
  await restoreLiveState(services, app.log);

  installErrorHandler(app);
  await app.register(securityPlugin, { config, redis: redis?.commands });
  await app.register(sameOriginPlugin, { publicUrl: config.publicUrl });
  await app.register(authPlugin, { services });

  const setupToken = new SetupToken();
  const setupLink = (await services.accounts.count()) === 0 ? `${config.publicUrl}/setup?token=${setupToken.issue()}` : null;

  // Before the routes, so it sees each one as it is added.
  await app.register(apiDocsPlugin, { enabled: config.apiDocs });
  await app.register(healthRoutes, { services });
  await app.register(accountsRoutes, { services, setupToken });
  await app.register(recoveryRoutes, { services });
  await app.register(facilitatorInvitesRoutes, { services });
  await app.register(groupsRoutes, { services });
  await app.register(coFacilitatorsRoutes, { services });
  await app.register(organisationsRoutes, { services });
  await app.register(sessionsRoutes, { services });
  await app.register(joinRoutes, { services });
  await app.register(rulesRoutes, { services });
  await app.register(roomRulesRoutes, { services });
  await app.register(agendaRoutes, { services });
  // The summary's "rounds held" comes from the floor's records (migration 008).
  await app.register(talkTimeRoutes, { services, roundsHeld: (sessionId) => services.floorRecords.countRoundsHeld(sessionId) });
  await app.register(signallingRoutes, { services });
  if (config.livekit) await app.register(livekitWebhookRoutes, { services, livekit: config.livekit });
  await app.register(waitingRoomRoutes, { services });
  await app.register(staticClientPlugin, { clientDist: config.clientDist });

  attachRealtime(app, io, realtimeWiring(io, services, app.log.child({ module: 'realtime' })));
  services.retention.start();
  app.addHook('onClose', async () => services.retention.stop());
  const drain = async () => {
    services.node.startDraining(services.now());
    await moveConnections(io, config.drainSeconds * 1000);
  };
  return { app, services, setupLink, drain };
}

