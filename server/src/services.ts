import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { accountsRepository } from './modules/accounts/accounts.repository.js';
import { passwordResetsRepository } from './modules/accounts/password-resets.repository.js';
import { facilitatorInvitesRepository } from './modules/accounts/facilitator-invites.repository.js';
import { coFacilitatorsRepository } from './modules/groups/co-facilitators.repository.js';
import { rotateMediaKey } from './modules/livekit/media-key-rotation.js';
import { organisationsRepository } from './modules/organisations/organisations.repository.js';
import { AsideRegistry } from './modules/aside/aside-registry.js';
import { MemoryChatStore, type ChatStore } from './modules/chat/index.js';
import { messagesRepository } from './modules/conversations/messages.repository.js';
import { distressRepository } from './modules/distress/distress.repository.js';
import { groupsRepository } from './modules/groups/groups.repository.js';
import { invitesRepository } from './modules/invites/invites.repository.js';
import { participantsRepository } from './modules/participants/participants.repository.js';
import { ProposalBoard, type ProposalStore } from './modules/rules/proposals.js';
import { RedisProposals } from './modules/rules/proposals-redis.js';
import { rulesRepository } from './modules/rules/rules.repository.js';
import { agendaRepository } from './modules/agenda/agenda.repository.js';
import { SessionPhases, type PhaseBoard } from './modules/agenda/agenda.js';
import { RedisPhases } from './modules/agenda/phases-redis.js';
import { RoomRegistry } from './modules/rooms/room-registry.js';
import { SharedRoomRegistry } from './modules/rooms/shared-room-registry.js';
import { sharedPresenceHooks } from './modules/rooms/shared-presence-hooks.js';
import { liveSnapshotsRepository } from './modules/rooms/live-snapshots.repository.js';
import { sessionsRepository } from './modules/sessions/sessions.repository.js';
import { SignallingHub } from './modules/signalling/signalling-hub.js';
import { socketRoomControl, type RoomControl } from './modules/rooms/room-control.js';
import { observationOff } from './modules/participants/standing.js';
import { ReAlertScheduler } from './modules/distress/re-alert-scheduler.js';
import { handOverOpenCases } from './modules/distress/cases.js';
import { talkStatsPublisher } from './modules/talk-time/talk-stats-publisher.js';
import type { HearthServer } from './realtime/socket-types.js';
import { OncallNotifier } from './modules/distress/oncall-webhook.js';
import type { FastifyBaseLogger } from 'fastify';
import { talkTimeRepository } from './modules/talk-time/talk-time.repository.js';
import { TalkTimeService } from './modules/talk-time/talk-time.service.js';
import { meshMediaGateway, type MediaGateway } from './modules/rooms/media-gateway.js';
import { livekitMediaGateway } from './modules/livekit/livekit-media-gateway.js';
import { LIVEKIT_ROOM_CAPACITY } from './modules/livekit/media-access.js';
import { FloorBoard } from './modules/floor/floor-board.js';
import { RedisFloorBoard } from './modules/floor/floor-board-redis.js';
import { floorRepository } from './modules/floor/floor.repository.js';
import { moderationRepository } from './modules/moderation/moderation.repository.js';
import { MemoryUnmuteAsks, WaitingList, type UnmuteAsks } from './modules/waiting-room/waiting-list.js';
import { RedisUnmuteAsks } from './modules/waiting-room/unmute-asks-redis.js';
import { RetentionScheduler } from './modules/retention/index.js';
import { reactionsRepository, type ReactionsRepository } from './modules/reactions/index.js';
import { iceServersFor } from './lib/index.js';
import type { IceServer } from '@hearth/shared';
import type { SharedRedis } from './lib/index.js';
import { NodeState } from './modules/health/index.js';

/**
 * The composition root's wiring: every repository and live registry, built once per app (so tests get a
 * fresh, isolated set) in dependency order, each from only what it uses. Nothing is set after creation:
 * socket.io is created first (realtime/socket-server.ts `createSocketServer`), so whatever emits is
 * built with it. Handlers declare the part they use (`Pick<Services, ...>`).
 */
export interface Services {
  config: Config;
  db: Db;
  /** [ND1] The Redis several nodes share (REDIS_URL); null in the embedded mode. */
  redis: SharedRedis | null;
  /** [ND3] Whether this node is draining (a graceful stop under way). */
  node: NodeState;
  now: () => number;
  /** [TN2] ICE servers for one browser: ICE_SERVERS plus TURN with a credential minted now (a fresh one each call). */
  iceServers: () => IceServer[];
  accounts: ReturnType<typeof accountsRepository>;
  /** [AC5] One-time links that set a password (migration 014). */
  passwordResets: ReturnType<typeof passwordResetsRepository>;
  /** [CF1] One-time links inviting another facilitator (migration 017). */
  facilitatorInvites: ReturnType<typeof facilitatorInvitesRepository>;
  groups: ReturnType<typeof groupsRepository>;
  /** [OR1]-[OR5] Organisations, their accounts and contacts (migration 018). */
  organisations: ReturnType<typeof organisationsRepository>;
  /** [CF3] Which accounts co-run which groups (migration 017). */
  coFacilitators: ReturnType<typeof coFacilitatorsRepository>;
  sessions: ReturnType<typeof sessionsRepository>;
  invites: ReturnType<typeof invitesRepository>;
  participants: ReturnType<typeof participantsRepository>;
  distress: ReturnType<typeof distressRepository>;
  messages: ReturnType<typeof messagesRepository>;
  rules: ReturnType<typeof rulesRepository>;
  /** Ground-rule proposals being discussed in live sessions (memory only). */
  ruleProposals: ProposalStore;
  agenda: ReturnType<typeof agendaRepository>;
  /** Where each live session is in its agenda (memory only). */
  sessionPhases: PhaseBoard;
  rooms: RoomRegistry;
  signalling: SignallingHub;
  /** Live pull-asides (private facilitator-member calls), in memory. */
  asides: AsideRegistry;
  /** [CH4] Group chat of live sessions: memory only, forgotten when the session ends. */
  chat: ChatStore;
  /** HTTP routes use it to end live rooms. */
  roomControl: RoomControl;
  /** [DS6] Started by the app; tests call `tick()` to run a pass at a chosen time. */
  reAlerts: ReAlertScheduler;
  oncall: OncallNotifier;
  /** Server-side enforcement in the media layer: a no-op in mesh mode, the SFU in LiveKit mode. */
  mediaGateway: MediaGateway;
  /**
   * Talk time credited per participant: the live ledgers, the facilitators' view and the summary. Other
   * modules (the hands queue, go-rounds) read it only as a SpokenTimeSource.
   */
  talkTime: TalkTimeService;
  /** Hands, the floor, rounds and nudges of live sessions (memory only). */
  floor: FloorBoard;
  /** Rounds held, turns given and groups' nudge wording (migration 008). */
  floorRecords: ReturnType<typeof floorRepository>;
  /** Admission settings, admissions, bans and welcome texts (migration 009). */
  moderation: ReturnType<typeof moderationRepository>;
  /** Who is in each session's waiting room (memory only: waiting lasts while connected). */
  waiting: WaitingList;
  /** Asks to unmute not yet answered (memory only). */
  unmuteAsks: UnmuteAsks;
  /** [RS4] Rooms' live state across a graceful restart (migration 011). */
  liveSnapshots: ReturnType<typeof liveSnapshotsRepository>;
  /** [DS11] [RT1] The retention sweep: started by the app (at start, then hourly); tests call `run()` at a chosen time. */
  retention: RetentionScheduler;
  /** [RX3] The groups' reactions setting (reactions themselves are never stored). */
  reactions: ReactionsRepository;
}

export function createServices(
  config: Config,
  db: Db,
  log: FastifyBaseLogger,
  io: HearthServer,
  options: { now?: () => number; oncallRetryDelaysMs?: readonly number[] | undefined; redis?: SharedRedis | null } = {},
): Services {
  const now = options.now ?? Date.now;
  const capacity = config.livekit ? LIVEKIT_ROOM_CAPACITY : config.meshCapacity;
  const redis = options.redis ?? null;
  // No personal data: the error's kind only.
  const redisError = (what: string, err: unknown) => log.warn({ err: { name: err instanceof Error ? err.name : 'unknown' } }, `${what} failed`);
  // [ND7] Several nodes: presence in Redis, mirrored on every node (the app starts it before listening).
  const rooms: RoomRegistry = redis
    ? new SharedRoomRegistry(
        capacity,
        redis.commands,
        redis.subscriber,
        sharedPresenceHooks(io, () => rooms, {
          disconnectSignalling: (participantId, code) => signalling.disconnect(participantId, code),
          error: redisError,
        }),
        { lostGraceMs: config.nodeLostSeconds * 1000 },
      )
    : new RoomRegistry(capacity);
  const asides = new AsideRegistry();
  const sessions = sessionsRepository(db);
  const groups = groupsRepository(db);
  const distress = distressRepository(db);
  const oncall = new OncallNotifier(log.child({ module: 'oncall' }), now, options.oncallRetryDelaysMs, config.oncallWebhookAllowHosts);
  const signalling = new SignallingHub(rooms, now, asides, log.child({ module: 'signalling' }));
  // [ND11] Several nodes: rule proposals in Redis.
  const ruleProposals: ProposalStore = redis ? new RedisProposals(redis.commands, (err) => redisError('rule proposals', err)) : new ProposalBoard();
  // [ND10] Several nodes: the agenda phase in Redis.
  const sessionPhases: PhaseBoard = redis ? new RedisPhases(redis.commands, (err) => redisError('agenda phase', err)) : new SessionPhases();
  const unmuteAsks: UnmuteAsks = redis ? new RedisUnmuteAsks(redis.commands, (err) => redisError('unmute asks', err)) : new MemoryUnmuteAsks();
  const chat = new MemoryChatStore();
  // LiveKit mode when configured: the SFU enforces moderation (see docs/moderation.md).
  const mediaGateway = config.livekit ? livekitMediaGateway(config.livekit) : meshMediaGateway;
  const roomControl = socketRoomControl(io, rooms, {
    ending: [(sessionId) => handOverOpenCases(io, { distress, rooms }, sessionId)],
    departed: (participantId) => signalling.disconnect(participantId),
    ended: [(id) => ruleProposals.forget(id), (id) => sessionPhases.forget(id), (id) => unmuteAsks.forget(id), (id) => chat.forget(id)],
    removeFromMedia: (sessionId, participantId) => mediaGateway.remove(sessionId, participantId),
    observationOffMessage: observationOff.message,
    rotateMediaKey: (sessionId) => rotateMediaKey(io, { rooms, sessions }, sessionId),
  });
  const reAlerts = new ReAlertScheduler(io, { now, distress, rooms, sessions, groups, oncall }, log.child({ module: 'realtime' }), config.distressReAlertSeconds * 1000);
  const talkTime = new TalkTimeService(
    talkTimeRepository(db),
    rooms,
    now,
    log.child({ module: 'talk-time' }),
    talkStatsPublisher(io, rooms),
    (s, p) => asides.of(s, p) !== undefined,
  );
  return {
    config,
    db,
    redis,
    node: new NodeState(),
    now,
    iceServers: () => iceServersFor(config.iceServers, config.turn, now()),
    accounts: accountsRepository(db),
    passwordResets: passwordResetsRepository(db),
    facilitatorInvites: facilitatorInvitesRepository(db),
    groups,
    coFacilitators: coFacilitatorsRepository(db),
    organisations: organisationsRepository(db),
    sessions,
    invites: invitesRepository(db),
    participants: participantsRepository(db),
    distress,
    messages: messagesRepository(db),
    rules: rulesRepository(db),
    ruleProposals,
    agenda: agendaRepository(db),
    sessionPhases,
    rooms,
    asides,
    chat,
    signalling,
    roomControl,
    reAlerts,
    oncall,
    mediaGateway,
    talkTime,
    // [ND8] Several nodes: the floor in Redis, one change at a time per session across the nodes.
    floor: redis ? new RedisFloorBoard(redis.commands, redis.subscriber, () => redis.adapter.ping()) : new FloorBoard(),
    floorRecords: floorRepository(db),
    moderation: moderationRepository(db),
    waiting: new WaitingList(),
    unmuteAsks,
    liveSnapshots: liveSnapshotsRepository(db),
    retention: new RetentionScheduler(db, now, log.child({ module: 'retention' })),
    reactions: reactionsRepository(db),
  };
}
