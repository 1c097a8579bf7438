import { describe, expect, it } from 'vitest';
import { livekitTurnServers, turnSettingsFromEnv } from '../../scripts/livekit-server.mjs';

// [TN4] Hearth's TURN settings become LiveKit's rtc.turn_servers for `npm run livekit` and the LiveKit tests.
describe('livekitTurnServers', () => {
  it('turns each TURN URL into a host, port and protocol with the shared secret and TTL', () => {
    expect(livekitTurnServers({ urls: ['turn:10.0.0.5:3478?transport=udp', 'turn:t.example.org:443?transport=tcp', 'turns:t.example.org'], secret: 's3cret', ttlSeconds: 600 })).toEqual([
      { host: '10.0.0.5', port: 3478, protocol: 'udp', secret: 's3cret', ttl: 600 },
      { host: 't.example.org', port: 443, protocol: 'tcp', secret: 's3cret', ttl: 600 },
      { host: 't.example.org', port: 5349, protocol: 'tls', secret: 's3cret', ttl: 600 },
    ]);
  });

  it('a turn: URL without transport or port is UDP on 3478, as TURN defaults', () => {
    expect(livekitTurnServers({ urls: ['turn:t.example.org'], secret: 's', ttlSeconds: 60 })).toEqual([{ host: 't.example.org', port: 3478, protocol: 'udp', secret: 's', ttl: 60 }]);
  });

  it('refuses what is not a TURN URL', () => {
    expect(() => livekitTurnServers({ urls: ['stun:t.example.org'], secret: 's', ttlSeconds: 60 })).toThrow(/not a turn/);
  });
});

describe('turnSettingsFromEnv', () => {
  it('reads TURN_URLS, TURN_SECRET and TURN_TTL_SECONDS (default 3600) as Hearth does, or none', () => {
    expect(turnSettingsFromEnv({ TURN_URLS: 'turn:a:3478, turn:b:3478', TURN_SECRET: 'x' })).toEqual({ urls: ['turn:a:3478', 'turn:b:3478'], secret: 'x', ttlSeconds: 3600 });
    expect(turnSettingsFromEnv({ TURN_URLS: 'turn:a', TURN_SECRET: 'x', TURN_TTL_SECONDS: '60' })?.ttlSeconds).toBe(60);
    expect(turnSettingsFromEnv({ TURN_URLS: 'turn:a' })).toBeNull();
    expect(turnSettingsFromEnv({})).toBeNull();
  });
});
