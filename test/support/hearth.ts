import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp, type HearthApp } from '../../server/src/app.js';
import { loadConfig, type Config } from '../../server/src/config.js';

/** A real Hearth server on 127.0.0.1:0 with its own SQLite file (or the given Postgres URL). */
export interface TestHearth extends HearthApp {
  url: string;
  config: Config;
  close(): Promise<void>;
}

export async function startHearth(
  options: { env?: Record<string, string>; now?: () => number; clientDist?: string; oncallRetryDelaysMs?: readonly number[]; host?: string } = {},
): Promise<TestHearth> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-test-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    CLIENT_DIST: options.clientDist ?? join(dataDir, 'no-client'),
    ...options.env,
  });
  const hearth = await buildApp(config, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.oncallRetryDelaysMs ? { oncallRetryDelaysMs: options.oncallRetryDelaysMs } : {}),
  });
  // `host`: another local address, e.g. the netns test's service address (test/support/netns.ts).
  const host = options.host ?? '127.0.0.1';
  await hearth.app.listen({ host, port: 0 });
  const { port } = hearth.app.server.address() as AddressInfo;
  return {
    ...hearth,
    config,
    url: `http://${host}:${port}`,
    async close() {
      await hearth.app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
