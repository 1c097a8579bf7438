import { defineConfig } from 'vitest/config';

// Five projects run in order (groupOrder): fast pure tests, then the real server with real sockets and
// databases, then real Chromium, then LiveKit mode against a real livekit-server, then the HTTP fuzz run. Browser tests run one file at a time: 2 cores, several browsers each.
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-postgres.ts'],
          testTimeout: 15_000,
          hookTimeout: 30_000,
          // Vitest's default on 2 cores is one file at a time; these files mostly wait on sockets,
          // processes and databases, so three at once roughly halve the project's time.
          maxWorkers: 3,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
      {
        // Against the real livekit-server (built from its Go module on first use; scripts/livekit-server.mjs).
        test: {
          name: 'livekit',
          include: ['test/livekit/**/*.test.ts'],
          globalSetup: ['test/support/global-livekit.ts'],
          testTimeout: 90_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 3 },
        },
      },
      {
        // [FZ2] schemathesis against a real server process (installed into .cache/schemathesis by scripts/schemathesis.mjs).
        test: {
          name: 'fuzz',
          include: ['test/fuzz/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 4 },
        },
      },
    ],
  },
});
