import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configYaml, LIVEKIT_VERSION } from '../../scripts/livekit-server.mjs';
import { loadConfig } from '../../server/src/config.js';
import { LIVEKIT_WEBHOOK_PATH } from '../../server/src/modules/livekit/livekit-webhook.routes.js';

// No Docker engine runs on our machines: the file is checked, not run.
interface Service {
  build?: string;
  healthcheck?: { test: string[] };
  image?: string;
  ports?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as { services: Record<string, Service> };

/** Resolves `${NAME:-default}` and `${NAME:?message}` the way compose does, from the given variables. */
function interpolate(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_m, name: string, kind?: string, rest?: string) => {
    if (vars[name] !== undefined) return vars[name];
    if (kind === '-') return rest ?? '';
    throw new Error(`${name} is required: ${rest}`);
  });
}

describe('docker-compose.yml', () => {
  it('runs the app beside LiveKit, Redis and Postgres, and waits for Postgres', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'livekit', 'postgres', 'redis']);
    expect(compose.services.app?.build).toBe('.');
    expect(compose.services.app?.ports).toContain('3000:3000');
    expect(compose.services.app?.depends_on?.postgres?.condition).toBe('service_healthy');
    expect(compose.services.postgres?.image).toMatch(/^postgres:15/);
  });

  it('gives the app an environment its config accepts, pointing at the postgres service', () => {
    const vars = { POSTGRES_PASSWORD: 'secret', PUBLIC_URL: 'https://hearth.example.org', ...LIVEKIT_VARS };
    const env = Object.fromEntries(Object.entries(compose.services.app?.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), vars)]));
    const config = loadConfig(env);
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://hearth:secret@postgres:5432/hearth' });
    expect(config.host).toBe('0.0.0.0');
    expect(config.secureCookies).toBe(true);
  });

  it('refuses to start without a database password rather than using a default', () => {
    const password = compose.services.app?.environment?.DATABASE_URL ?? '';
    expect(() => interpolate(password, {})).toThrow(/POSTGRES_PASSWORD/);
  });
});

const LIVEKIT_VARS = { LIVEKIT_API_KEY: 'APIhearth', LIVEKIT_API_SECRET: 'a-secret-of-at-least-thirty-two-characters', LIVEKIT_PUBLIC_URL: 'wss://sfu.example.org' };
const vars = { POSTGRES_PASSWORD: 'secret', ...LIVEKIT_VARS };
const resolved = (service: string) =>
  Object.fromEntries(Object.entries(compose.services[service]?.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), vars)]));

describe('docker-compose.yml: the LiveKit path', () => {
  const livekit = compose.services.livekit;
  const livekitConfig = parse(resolved('livekit').LIVEKIT_CONFIG ?? '') as {
    port: number;
    rtc: { tcp_port: number; port_range_start: number; port_range_end: number };
    redis: { address: string };
    room: { enable_remote_unmute: boolean };
    webhook: { api_key: string; urls: string[] };
  };

  it('runs the livekit-server release the tests build and run, publishing its signal, TCP and UDP media ports', () => {
    expect(livekit?.image).toBe(`livekit/livekit-server:${LIVEKIT_VERSION}`);
    expect(livekit?.ports).toEqual(['7880:7880', '7881:7881', '50000-50100:50000-50100/udp']);
    expect(livekitConfig.port).toBe(7880);
    expect(livekitConfig.rtc).toMatchObject({ tcp_port: 7881, port_range_start: 50000, port_range_end: 50100 });
    expect(livekit?.depends_on?.redis?.condition).toBe('service_healthy');
    expect(compose.services.redis?.image).toMatch(/^redis:7/);
    expect(livekitConfig.redis.address).toBe('redis:6379');
  });

  it('keys come from the environment, and the webhook goes to the app, signed with the same key', () => {
    expect(parse(resolved('livekit').LIVEKIT_KEYS ?? '')).toEqual({ [LIVEKIT_VARS.LIVEKIT_API_KEY]: LIVEKIT_VARS.LIVEKIT_API_SECRET });
    expect(livekitConfig.webhook).toEqual({ api_key: LIVEKIT_VARS.LIVEKIT_API_KEY, urls: [`http://app:3000${LIVEKIT_WEBHOOK_PATH}`] });
    expect(livekitConfig.room.enable_remote_unmute).toBe(false);
  });

  it('puts the app in LiveKit mode: browsers get the public URL, the app calls the service by name', () => {
    const config = loadConfig(resolved('app'));
    expect(config.livekit).toEqual({
      url: 'wss://sfu.example.org',
      apiUrl: 'http://livekit:7880',
      apiKey: LIVEKIT_VARS.LIVEKIT_API_KEY,
      apiSecret: LIVEKIT_VARS.LIVEKIT_API_SECRET,
    });
    // Redis is LiveKit's: Hearth keeps live-room state per node and reads no REDIS_URL, so none is set.
    expect(resolved('app').REDIS_URL).toBeUndefined();
    expect(compose.services.app?.depends_on?.livekit).toBeDefined();
  });

  it('refuses to start without LiveKit keys rather than using defaults', () => {
    const app = compose.services.app?.environment ?? {};
    expect(() => interpolate(app.LIVEKIT_API_SECRET ?? '', { POSTGRES_PASSWORD: 'x' })).toThrow(/LIVEKIT_API_SECRET/);
    expect(() => interpolate(app.LIVEKIT_API_KEY ?? '', { POSTGRES_PASSWORD: 'x' })).toThrow(/LIVEKIT_API_KEY/);
  });
});

describe('docker-compose.yml: the same LiveKit config shape as the tests run', () => {
  // What scripts/livekit-server.mjs writes for the tests and `npm run livekit`.
  const tested = parse(
    configYaml({ httpPort: 7880, tcpPort: 7881, udp: { start: 50000, end: 50100 }, apiKey: 'APIhearth', apiSecret: 'secret', webhookUrls: ['http://127.0.0.1:3000/livekit/webhook'] }),
  ) as Record<string, Record<string, unknown>>;
  const deployed = parse(resolved('livekit').LIVEKIT_CONFIG ?? '') as Record<string, Record<string, unknown>>;
  const keys = (config: Record<string, unknown> | undefined) => Object.keys(config ?? {}).sort();

  it('the tested config never lets a facilitator unmute anyone, and neither does the deployed one', () => {
    expect(tested.room).toEqual({ enable_remote_unmute: false });
    expect(deployed.room).toEqual(tested.room);
  });

  it('has the same sections, except what only loopback or only a deployment needs', () => {
    // Only the tests: bind to loopback; keys (compose passes them as LIVEKIT_KEYS, kept out of the file);
    // JSON logs (the tests read them). Only the deployment: Redis (room state shared by more LiveKit nodes).
    const onlyTested = ['bind_addresses', 'keys', 'logging'];
    const onlyDeployed = ['redis'];
    expect(keys(deployed).filter((k) => !onlyDeployed.includes(k))).toEqual(keys(tested).filter((k) => !onlyTested.includes(k)));
    expect(keys(tested.webhook)).toEqual(keys(deployed.webhook));
  });

  it('has the same RTC settings, except the loopback-only ones', () => {
    // A deployment discovers its public IP (use_external_ip: true); the tests pin loopback instead.
    const loopbackOnly = ['enable_loopback_candidate', 'node_ip'];
    expect(keys(deployed.rtc)).toEqual(keys(tested.rtc).filter((k) => !loopbackOnly.includes(k)));
    expect(tested.rtc?.use_external_ip).toBe(false);
    expect(deployed.rtc?.use_external_ip).toBe(true);
  });
});
