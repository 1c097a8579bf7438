import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/src/config.js';

/** The problems loadConfig reports for an environment, or [] if it accepted it. */
function problemsFor(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.problems;
  }
}

describe('loadConfig defaults', () => {
  it('an empty environment gives a working local setup', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      database: { kind: 'sqlite', file: resolve('data', 'hearth.sqlite') },
      iceServers: [],
      turn: null,
      logLevel: 'info',
      secureCookies: false,
      trustProxy: false,
      meshCapacity: 8,
      authRateLimitPerMinute: 20,
    });
  });

  it('the OpenAPI document is served outside production unless API_DOCS says otherwise', () => {
    expect(loadConfig({}).apiDocs).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).apiDocs).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', API_DOCS: 'true' }).apiDocs).toBe(true);
    expect(loadConfig({ API_DOCS: 'false' }).apiDocs).toBe(false);
    expect(problemsFor({ API_DOCS: 'sometimes' })).toEqual(['API_DOCS must be true or false, got "sometimes".']);
  });

  it('the public URL follows PORT, loses trailing slashes, and https turns secure cookies on', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    const config = loadConfig({ PUBLIC_URL: 'https://hearth.example.org//' });
    expect(config.publicUrl).toBe('https://hearth.example.org');
    expect(config.secureCookies).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'https://hearth.example.org', SECURE_COOKIES: 'false' }).secureCookies).toBe(false);
  });

  it('[TN2] TURN: comma-separated turn:/turns: URLs, the shared secret and a TTL (an hour unless set)', () => {
    const secret = 'x'.repeat(32);
    expect(loadConfig({ TURN_URLS: ' turn:turn.example.org:3478?transport=udp , turns:turn.example.org:5349,', TURN_SECRET: secret }).turn).toEqual({
      urls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'],
      secret,
      ttlSeconds: 3600,
    });
    expect(loadConfig({ TURN_URLS: 'turn:10.0.0.1:3478', TURN_SECRET: secret, TURN_TTL_SECONDS: '600' }).turn?.ttlSeconds).toBe(600);
    // ICE_SERVERS keeps working beside it.
    expect(loadConfig({ TURN_URLS: 'turn:10.0.0.1', TURN_SECRET: secret, ICE_SERVERS: '[{"urls":"stun:s.example.org"}]' }).iceServers).toEqual([{ urls: 'stun:s.example.org' }]);
  });

  it('accepts good values for every setting', () => {
    const config = loadConfig({
      PORT: '0',
      DATABASE_URL: 'postgresql://u@db:5432/hearth',
      ICE_SERVERS: '[{"urls":"stun:stun.example.org:3478"},{"urls":["turn:t.example.org"],"username":"u","credential":"c"}]',
      LOG_LEVEL: 'silent',
      SECURE_COOKIES: '1',
      TRUST_PROXY: 'true',
      MESH_CAPACITY: '2',
    });
    expect(config.port).toBe(0);
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgresql://u@db:5432/hearth' });
    expect(config.iceServers).toHaveLength(2);
    expect(config.logLevel).toBe('silent');
    expect(config.secureCookies).toBe(true);
    expect(config.trustProxy).toBe(true);
    expect(config.meshCapacity).toBe(2);
  });

  it('an empty string counts as unset', () => {
    expect(loadConfig({ PORT: '', MESH_CAPACITY: '', SECURE_COOKIES: '' })).toMatchObject({ port: 3000, meshCapacity: 8, secureCookies: false });
  });
});

describe('loadConfig: each bad value gets its own line', () => {
  it.each<{ name: string; env: Record<string, string>; mentions: string }>([
    { name: 'PORT not a number', env: { PORT: 'eighty' }, mentions: 'PORT' },
    { name: 'PORT fractional', env: { PORT: '80.5' }, mentions: 'PORT' },
    { name: 'PORT out of range', env: { PORT: '70000' }, mentions: 'PORT' },
    { name: 'PORT negative', env: { PORT: '-1' }, mentions: 'PORT' },
    { name: 'PUBLIC_URL without scheme', env: { PUBLIC_URL: 'hearth.example.org' }, mentions: 'PUBLIC_URL' },
    { name: 'PUBLIC_URL ftp', env: { PUBLIC_URL: 'ftp://hearth.example.org' }, mentions: 'PUBLIC_URL' },
    { name: 'DATABASE_URL not postgres', env: { DATABASE_URL: 'mysql://db/hearth' }, mentions: 'DATABASE_URL' },
    { name: 'ICE_SERVERS bad JSON', env: { ICE_SERVERS: '[{urls:' }, mentions: 'ICE_SERVERS is not valid JSON' },
    { name: 'ICE_SERVERS an object, not an array', env: { ICE_SERVERS: '{"urls":"stun:x"}' }, mentions: 'ICE_SERVERS must be a JSON array' },
    { name: 'ICE_SERVERS entry without urls', env: { ICE_SERVERS: '[{"url":"stun:x"}]' }, mentions: 'ICE_SERVERS must be a JSON array' },
    { name: 'ICE_SERVERS urls of the wrong type', env: { ICE_SERVERS: '[{"urls":42}]' }, mentions: 'ICE_SERVERS must be a JSON array' },
    { name: 'TURN_SECRET without TURN_URLS', env: { TURN_SECRET: 'x'.repeat(32) }, mentions: 'TURN_URLS is empty' },
    { name: 'TURN_URLS without TURN_SECRET', env: { TURN_URLS: 'turn:turn.example.org:3478' }, mentions: 'TURN_SECRET must be at least 16' },
    { name: 'TURN_SECRET too short', env: { TURN_URLS: 'turn:t.example.org', TURN_SECRET: 'short' }, mentions: 'TURN_SECRET must be at least 16' },
    { name: 'TURN_URLS not turn:', env: { TURN_URLS: 'turn:ok.example.org, stun:s.example.org', TURN_SECRET: 'x'.repeat(32) }, mentions: 'got "stun:s.example.org"' },
    { name: 'TURN_URLS an http URL', env: { TURN_URLS: 'https://turn.example.org', TURN_SECRET: 'x'.repeat(32) }, mentions: 'TURN_URLS must be' },
    { name: 'TURN_TTL_SECONDS below a minute', env: { TURN_TTL_SECONDS: '30' }, mentions: 'TURN_TTL_SECONDS' },
    { name: 'TURN_TTL_SECONDS above a day', env: { TURN_TTL_SECONDS: '90000' }, mentions: 'TURN_TTL_SECONDS' },
    { name: 'LOG_LEVEL unknown', env: { LOG_LEVEL: 'verbose' }, mentions: 'LOG_LEVEL' },
    { name: 'SECURE_COOKIES not a boolean', env: { SECURE_COOKIES: 'yes' }, mentions: 'SECURE_COOKIES' },
    { name: 'TRUST_PROXY not a boolean', env: { TRUST_PROXY: 'maybe' }, mentions: 'TRUST_PROXY' },
    { name: 'MESH_CAPACITY above 8', env: { MESH_CAPACITY: '9' }, mentions: 'MESH_CAPACITY' },
    { name: 'MESH_CAPACITY below 2', env: { MESH_CAPACITY: '1' }, mentions: 'MESH_CAPACITY' },
    { name: 'AUTH_RATE_LIMIT_PER_MINUTE zero', env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' }, mentions: 'AUTH_RATE_LIMIT_PER_MINUTE' },
  ])('$name', ({ env, mentions }) => {
    const problems = problemsFor(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(mentions);
  });

  it('the thrown error is a ConfigError whose message lists the problem for the operator', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/fix these settings:\n {2}- LOG_LEVEL must be one of/);
  });

  it('several bad values at once are all reported, one line each', () => {
    const problems = problemsFor({
      PORT: 'x',
      PUBLIC_URL: 'nope',
      DATABASE_URL: 'sqlite://x',
      ICE_SERVERS: 'not json',
      LOG_LEVEL: 'chatty',
      SECURE_COOKIES: 'on',
      MESH_CAPACITY: '12',
    });
    expect(problems).toHaveLength(7);
    for (const name of ['PORT', 'PUBLIC_URL', 'DATABASE_URL', 'ICE_SERVERS', 'LOG_LEVEL', 'SECURE_COOKIES', 'MESH_CAPACITY']) {
      expect(problems.filter((p) => p.startsWith(name))).toHaveLength(1);
    }
  });
});

describe('[ND1] several nodes', () => {
  it('REDIS_URL is off by default (one node) and must be a redis:// URL when given', () => {
    expect(loadConfig({}).redisUrl).toBeNull();
    expect(loadConfig({ REDIS_URL: 'redis://redis:6379' }).redisUrl).toBe('redis://redis:6379');
    expect(loadConfig({ REDIS_URL: 'rediss://u:p@cache.example.org:6380/2' }).redisUrl).toBe('rediss://u:p@cache.example.org:6380/2');
    expect(problemsFor({ REDIS_URL: 'http://redis:6379' })).toEqual(['REDIS_URL must start with redis:// or rediss:// (leave it unset for one node).']);
  });

  it('[ND3] DRAIN_SECONDS defaults to 20 and is bounded', () => {
    expect(loadConfig({}).drainSeconds).toBe(20);
    expect(loadConfig({ DRAIN_SECONDS: '5' }).drainSeconds).toBe(5);
    expect(problemsFor({ DRAIN_SECONDS: '601' })).toEqual(['DRAIN_SECONDS must be a whole number from 0 to 600, got "601".']);
  });

  it('[ND7] NODE_LOST_SECONDS defaults to 30 and is bounded', () => {
    expect(loadConfig({}).nodeLostSeconds).toBe(30);
    expect(loadConfig({ NODE_LOST_SECONDS: '3' }).nodeLostSeconds).toBe(3);
    expect(problemsFor({ NODE_LOST_SECONDS: '0' })).toEqual(['NODE_LOST_SECONDS must be a whole number from 1 to 600, got "0".']);
  });
});
