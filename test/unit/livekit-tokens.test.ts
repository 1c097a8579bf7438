import { describe, expect, it } from 'vitest';
import { TokenVerifier } from 'livekit-server-sdk';
import type { Role } from '@hearth/shared';
import { ConfigError, loadConfig, type LiveKitConfig } from '../../server/src/config.js';
import { JOIN_TOKEN_TTL_SECONDS, mintJoinToken } from '../../server/src/modules/livekit/livekit-tokens.js';

const livekit: LiveKitConfig = { url: 'wss://sfu.example.org', apiUrl: 'https://sfu.example.org', apiKey: 'APIkey123', apiSecret: 'a-secret-that-is-at-least-32-characters' };

async function mint(role: Role, extra: { mayPublishAudio?: boolean } = {}) {
  const jwt = await mintJoinToken(livekit, { sessionId: 'session-1', participantId: 'participant-1', displayName: 'Sam', role, ...extra });
  return { jwt, claims: await new TokenVerifier(livekit.apiKey, livekit.apiSecret).verify(jwt) };
}

describe('[LK1]-[LK5] join tokens, decoded with the SDK', () => {
  it('[LK1] a member may publish camera and microphone only, subscribe, publish no data, and is no room admin', async () => {
    const { claims } = await mint('member');
    expect(claims.sub).toBe('participant-1');
    expect(claims.name).toBe('Sam');
    expect(claims.iss).toBe(livekit.apiKey);
    expect(claims.video).toEqual({
      room: 'session-1',
      roomJoin: true,
      roomAdmin: false,
      canPublish: true,
      canPublishSources: ['camera', 'microphone'],
      canSubscribe: true,
      canPublishData: false,
      canUpdateOwnMetadata: false,
      hidden: false,
    });
  });

  it.each(['facilitator', 'co_facilitator'] as const)('[LK2] a %s is room admin of that room only, and publishes like a member', async (role) => {
    const { claims } = await mint(role);
    expect(claims.video).toMatchObject({ room: 'session-1', roomJoin: true, roomAdmin: true, canPublishSources: ['camera', 'microphone'], canSubscribe: true });
    expect(claims.video?.roomCreate).toBeUndefined();
    expect(claims.video?.roomList).toBeUndefined();
  });

  it('[LK3] the supervisor is hidden, subscribes, and may publish nothing', async () => {
    const { claims } = await mint('supervisor');
    expect(claims.video).toMatchObject({ hidden: true, canSubscribe: true, canPublish: false, canPublishSources: [], canPublishData: false, roomAdmin: false });
  });

  it('under floor control a member without the floor gets the camera only', async () => {
    const { claims } = await mint('member', { mayPublishAudio: false });
    expect(claims.video?.canPublishSources).toEqual(['camera']);
  });

  it('lives about ten minutes and is refused by any other secret', async () => {
    const { jwt, claims } = await mint('member');
    expect((claims.exp ?? 0) - (claims.nbf ?? 0)).toBe(JOIN_TOKEN_TTL_SECONDS);
    expect(JOIN_TOKEN_TTL_SECONDS).toBe(600);
    await expect(new TokenVerifier(livekit.apiKey, 'another-secret-that-is-32-characters-long').verify(jwt)).rejects.toThrow();
  });
});

describe('LiveKit settings', () => {
  const all = { LIVEKIT_URL: 'wss://sfu.example.org/', LIVEKIT_API_KEY: 'APIkey123', LIVEKIT_API_SECRET: livekit.apiSecret };
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (err) {
      if (err instanceof ConfigError) return err.problems;
      throw err;
    }
  };

  it('none set: mesh mode', () => {
    expect(loadConfig({}).livekit).toBeNull();
  });

  it('all three set: LiveKit mode, trailing slash dropped', () => {
    expect(loadConfig(all).livekit).toEqual({ url: 'wss://sfu.example.org', apiUrl: 'https://sfu.example.org', apiKey: 'APIkey123', apiSecret: livekit.apiSecret });
  });

  it('LIVEKIT_API_URL overrides where the server calls the API (an internal name)', () => {
    expect(loadConfig({ ...all, LIVEKIT_API_URL: 'http://livekit:7880' }).livekit?.apiUrl).toBe('http://livekit:7880');
    expect(problems({ ...all, LIVEKIT_API_URL: 'livekit:7880' })).toEqual([expect.stringContaining('LIVEKIT_API_URL must be')]);
  });

  it.each(['LIVEKIT_URL', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET'] as const)('refuses to start with %s missing, naming it', (name) => {
    const env: Record<string, string> = { ...all };
    delete env[name];
    expect(problems(env)).toEqual([expect.stringContaining(`missing ${name}`)]);
  });

  it('refuses a URL that is not ws(s) or http(s), and a secret LiveKit would refuse', () => {
    expect(problems({ ...all, LIVEKIT_URL: 'sfu.example.org' })).toEqual([expect.stringContaining('LIVEKIT_URL must be')]);
    expect(problems({ ...all, LIVEKIT_API_SECRET: 'short' })).toEqual([expect.stringContaining('at least 32 characters')]);
  });
});
