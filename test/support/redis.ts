import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway Redis 7 on 127.0.0.1 with nothing saved to disk (see ../shared/ENVIRONMENT_NOTES.md), for the
 * several-nodes suites. `stop` and `start` again on the same port let a test take Redis away and bring it back.
 */
export interface ThrowawayRedis {
  url: string;
  port: number;
  /** Starts it again on the same port after `stop({ keepDir: true })` (a Redis outage and its recovery). */
  start(): void;
  stop(options?: { keepDir?: boolean }): void;
}

export function startRedis(port = 56379 + (process.pid % 1000)): ThrowawayRedis {
  const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (found.status !== 0) {
    throw new Error('redis-server is not installed: run `bash scripts/system-deps.sh` (npm test does this for you).');
  }
  const dir = mkdtempSync(join(tmpdir(), 'hearth-redis-'));
  const start = () => {
    execFileSync('redis-server', [
      '--daemonize', 'yes', '--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no',
      '--dir', dir, '--pidfile', join(dir, 'redis.pid'), '--logfile', join(dir, 'redis.log'),
    ]);
    waitForPing(port);
  };
  start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop(options = {}) {
      spawnSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave'], { encoding: 'utf8' });
      waitForExit(join(dir, 'redis.pid'));
      if (!options.keepDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function waitForPing(port: number) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const ping = spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' });
    if (ping.stdout.trim() === 'PONG') return;
    spawnSync('sleep', ['0.05']);
  }
  throw new Error(`redis-server did not answer on 127.0.0.1:${port}`);
}

function waitForExit(pidFile: string) {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8').trim());
  } catch {
    return;
  }
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    spawnSync('sleep', ['0.05']);
  }
}
