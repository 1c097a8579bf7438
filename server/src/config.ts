import { resolve } from 'node:path';
import Type from 'typebox';
import Value from 'typebox/value';
import { IceServerSchema, type IceServer } from '@hearth/shared';
import type { DatabaseTarget } from './db/database.js';
import type { TurnSettings } from './lib/index.js';

/**
 * Configuration comes from the environment only, and is checked once at start: every bad value is
 * reported with its own line, so an operator fixes them all in one go.
 */
export interface Config {
  host: string;
  port: number;
  publicUrl: string;
  database: DatabaseTarget;
  iceServers: IceServer[];
  /**
   * TURN_URLS, TURN_SECRET, TURN_TTL_SECONDS: a TURN relay (coturn with use-auth-secret) for members behind home
   * routers and mobile networks. Hearth mints each participant a short-lived credential for it [TN1] [TN2].
   */
  turn: TurnSettings | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  secureCookies: boolean;
  trustProxy: boolean;
  clientDist: string;
  /** Largest room the peer-to-peer mesh serves. */
  meshCapacity: number;
  authRateLimitPerMinute: number;
  /** Seconds after which an unacknowledged support request is sent to every facilitator again. */
  distressReAlertSeconds: number;
  /**
   * ONCALL_WEBHOOK_ALLOW_HOSTS (comma-separated host or host:port): on-call webhook hosts allowed over plain
   * http and on private addresses, for development and tests. Empty in production: https to public hosts only.
   */
  oncallWebhookAllowHosts: string[];
  /** LiveKit mode (an SFU) when all three LIVEKIT_ settings are given; null means the peer-to-peer mesh. */
  livekit: LiveKitConfig | null;
  /** API_DOCS: serve the OpenAPI document at /api/docs. On by default except with NODE_ENV=production. */
  apiDocs: boolean;
  /**
   * [ND1] REDIS_URL: several nodes share socket.io rooms (Redis Streams adapter) and rate budgets through this
   * Redis. Null (unset) is the embedded mode: one process, everything live in its memory.
   */
  redisUrl: string | null;
  /** [ND3] DRAIN_SECONDS: how long a SIGTERM waits for its clients to move to another node before exiting. */
  drainSeconds: number;
  /** [ND7] NODE_LOST_SECONDS: how long the people of a node that stopped heartbeating stay in their rooms to reconnect elsewhere. */
  nodeLostSeconds: number;
  /** [AC5] SMTP_URL and SMTP_FROM: where "Forgot password" sends its link. Null: no email; the operator prints links. */
  smtp: SmtpConfig | null;
}

export interface SmtpConfig {
  /** smtp:// (STARTTLS when offered) or smtps:// (TLS from the start), with user:password@ when the relay needs it. */
  url: string;
  /** The From: address, e.g. `Hearth <hearth@example.org>`. */
  from: string;
}

export interface LiveKitConfig {
  /** What browsers connect to (ws:// or wss://). */
  url: string;
  /**
   * Where this server calls LiveKit's API: LIVEKIT_API_URL, or by default `url` over http(s). They differ
   * when the SFU's public name does not resolve inside the deployment (docker-compose: http://livekit:7880).
   */
  apiUrl: string;
  apiKey: string;
  apiSecret: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Hearth cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];

  const port = integerSetting(env, 'PORT', 3000, 0, 65535, problems);
  const host = env.HOST ?? '127.0.0.1';
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+/.test(publicUrl)) problems.push(`PUBLIC_URL must be an http(s) URL, got "${publicUrl}".`);

  let database: DatabaseTarget = { kind: 'sqlite', file: resolve(env.DATA_DIR ?? 'data', 'hearth.sqlite') };
  if (env.DATABASE_URL) {
    if (/^postgres(ql)?:\/\//.test(env.DATABASE_URL)) database = { kind: 'postgres', url: env.DATABASE_URL };
    else problems.push('DATABASE_URL must start with postgres:// (leave it unset to use SQLite under DATA_DIR).');
  }

  let iceServers: IceServer[] = [];
  if (env.ICE_SERVERS) {
    try {
      const parsed: unknown = JSON.parse(env.ICE_SERVERS);
      if (Value.Check(Type.Array(IceServerSchema), parsed)) iceServers = parsed;
      else problems.push('ICE_SERVERS must be a JSON array like [{"urls":"stun:stun.example.org:3478"}].');
    } catch {
      problems.push('ICE_SERVERS is not valid JSON.');
    }
  }

  const turn = turnSettings(env, problems);

  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}.`);

  const secureCookies = booleanSetting(env, 'SECURE_COOKIES', publicUrl.startsWith('https://'), problems);
  const trustProxy = booleanSetting(env, 'TRUST_PROXY', false, problems);
  const meshCapacity = integerSetting(env, 'MESH_CAPACITY', 8, 2, 8, problems);
  const authRateLimitPerMinute = integerSetting(env, 'AUTH_RATE_LIMIT_PER_MINUTE', 20, 1, 1_000_000, problems);
  const distressReAlertSeconds = integerSetting(env, 'DISTRESS_REALERT_SECONDS', 30, 5, 600, problems);
  const livekit = livekitSettings(env, problems);
  const smtp = smtpSettings(env, problems);
  const apiDocs = booleanSetting(env, 'API_DOCS', env.NODE_ENV !== 'production', problems);
  const redisUrl = env.REDIS_URL ? env.REDIS_URL : null;
  if (redisUrl !== null && !/^rediss?:\/\/[^/\s]+/.test(redisUrl)) problems.push('REDIS_URL must start with redis:// or rediss:// (leave it unset for one node).');
  const drainSeconds = integerSetting(env, 'DRAIN_SECONDS', 20, 0, 600, problems);
  const nodeLostSeconds = integerSetting(env, 'NODE_LOST_SECONDS', 30, 1, 600, problems);
  const oncallWebhookAllowHosts = (env.ONCALL_WEBHOOK_ALLOW_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    host,
    port,
    publicUrl,
    database,
    iceServers,
    turn,
    logLevel,
    secureCookies,
    trustProxy,
    clientDist: resolve(env.CLIENT_DIST ?? 'client/dist'),
    meshCapacity,
    authRateLimitPerMinute,
    distressReAlertSeconds,
    oncallWebhookAllowHosts,
    livekit,
    apiDocs,
    smtp,
    redisUrl,
    drainSeconds,
    nodeLostSeconds,
  };
}

/** Both or neither: a relay without a From address is refused by most relays at the first reset, not at start. */
function smtpSettings(env: NodeJS.ProcessEnv, problems: string[]): SmtpConfig | null {
  const url = env.SMTP_URL ?? '';
  const from = env.SMTP_FROM ?? '';
  if (url === '' && from === '') return null;
  if (!/^smtps?:\/\/[^/\s]+/.test(url)) problems.push('SMTP_URL must be an smtp:// or smtps:// URL (set it with SMTP_FROM, or unset both to print reset links with npm run reset-link).');
  if (!/@/.test(from)) problems.push('SMTP_FROM must be an email address, like "Hearth <hearth@example.org>" (it goes with SMTP_URL).');
  return { url, from };
}

const LIVEKIT_SETTINGS = ['LIVEKIT_URL', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET'] as const;

/** All three or none: half a LiveKit setup would silently fall back to the mesh, which is worse than not starting. */
function livekitSettings(env: NodeJS.ProcessEnv, problems: string[]): LiveKitConfig | null {
  const given = LIVEKIT_SETTINGS.filter((name) => (env[name] ?? '') !== '');
  if (given.length === 0) return null;
  if (given.length < LIVEKIT_SETTINGS.length) {
    const missing = LIVEKIT_SETTINGS.filter((name) => !given.includes(name));
    problems.push(`LiveKit mode needs LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET together; missing ${missing.join(', ')} (or unset them all for the peer-to-peer mesh).`);
    return null;
  }
  const url = (env.LIVEKIT_URL ?? '').replace(/\/+$/, '');
  if (!/^(wss?|https?):\/\/[^/\s]+/.test(url)) problems.push(`LIVEKIT_URL must be a ws://, wss://, http:// or https:// URL, got "${url}".`);
  // LiveKit itself refuses secrets shorter than 32 characters; say so here rather than at the first join.
  if ((env.LIVEKIT_API_SECRET ?? '').length < 32) problems.push('LIVEKIT_API_SECRET must be at least 32 characters (LiveKit refuses shorter secrets).');
  const apiUrl = (env.LIVEKIT_API_URL || url.replace(/^ws(s?):\/\//, 'http$1://')).replace(/\/+$/, '');
  if (env.LIVEKIT_API_URL && !/^https?:\/\/[^/\s]+/.test(apiUrl)) problems.push(`LIVEKIT_API_URL must be an http(s) URL, got "${apiUrl}".`);
  return { url, apiUrl, apiKey: env.LIVEKIT_API_KEY ?? '', apiSecret: env.LIVEKIT_API_SECRET ?? '' };
}

/**
 * coturn checks a credential's expiry when an allocation starts, not while it lasts (coturn/coturn#774), so a
 * call outlives its credential; a new connection (a rejoin, an ICE restart) needs a fresh one, which a join gives.
 */
const DEFAULT_TURN_TTL_SECONDS = 3600;

/** TURN_URLS and TURN_SECRET together or not at all; TURN_TTL_SECONDS bounds each credential's life. */
function turnSettings(env: NodeJS.ProcessEnv, problems: string[]): TurnSettings | null {
  const ttlSeconds = integerSetting(env, 'TURN_TTL_SECONDS', DEFAULT_TURN_TTL_SECONDS, 60, 86_400, problems);
  const urls = (env.TURN_URLS ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  const secret = env.TURN_SECRET ?? '';
  if (urls.length === 0 && secret === '') return null;
  if (urls.length === 0) {
    problems.push('TURN_SECRET is set but TURN_URLS is empty: give the relay\'s URLs, e.g. turn:turn.example.org:3478 (or unset both).');
    return null;
  }
  const bad = urls.filter((u) => !/^turns?:[^\s/?#]+(\?transport=(udp|tcp))?$/.test(u));
  if (bad.length > 0) problems.push(`TURN_URLS must be comma-separated turn: or turns: URLs like turn:turn.example.org:3478?transport=udp, got "${bad.join(', ')}".`);
  // The same secret is coturn's static-auth-secret; a short one can be guessed from a captured credential offline.
  if (secret.length < 16) problems.push('TURN_SECRET must be at least 16 characters (and the same as coturn\'s static-auth-secret).');
  return { urls, secret, ttlSeconds };
}

function integerSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
    return fallback;
  }
  return value;
}

function booleanSetting(env: NodeJS.ProcessEnv, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  problems.push(`${name} must be true or false, got "${raw}".`);
  return fallback;
}
