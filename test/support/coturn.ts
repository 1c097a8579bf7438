import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answersBinding } from './turn-client.js';

/**
 * A throwaway coturn (Debian's `turnserver`, installed by scripts/system-deps.sh) checking TURN REST
 * credentials with a shared secret, as docker-compose's coturn does: no config file, no CLI, no TLS, no
 * database; its log goes to stdout, kept in `log` for a failing test to show.
 */
export interface ThrowawayCoturn {
  /** Where browsers and Hearth's TURN_URLS point: `turn:<ip>:<port>?transport=udp`. */
  url: string;
  ip: string;
  port: number;
  log(): string;
  stop(): Promise<void>;
}

export interface CoturnOptions {
  secret: string;
  /** Address to listen and relay on (default 127.0.0.1). */
  ip?: string;
  port?: number;
  /** Run inside this network namespace (`ip netns exec`), for the netns browser test. */
  netns?: string;
  /** A small relay port range, so a test knows what it opens. */
  relayPorts?: [number, number];
}

export function coturnInstalled(): boolean {
  return spawnSync('turnserver', ['--version'], { encoding: 'utf8' }).status === 0;
}

export async function startCoturn(options: CoturnOptions): Promise<ThrowawayCoturn> {
  if (!coturnInstalled()) throw new Error('turnserver (coturn) is not installed: run `bash scripts/system-deps.sh` (npm test does this for you).');
  const ip = options.ip ?? '127.0.0.1';
  const port = options.port ?? 34780 + (process.pid % 500);
  const [minPort, maxPort] = options.relayPorts ?? [port + 1000, port + 1019];
  const dir = mkdtempSync(join(tmpdir(), 'hearth-coturn-'));
  // --verbose: each allocation is logged with its username, which test/livekit/livekit-turn.test.ts reads.
  const args = [
    '-n', '--no-cli', '--no-tls', '--no-dtls', '--log-file=stdout', '--simple-log', '--fingerprint', '--verbose',
    '--use-auth-secret', `--static-auth-secret=${options.secret}`, '--realm=hearth.test',
    `--listening-ip=${ip}`, `--listening-port=${port}`, `--relay-ip=${ip}`, `--min-port=${minPort}`, `--max-port=${maxPort}`,
    // The test's peers are on loopback or private addresses, which a public relay would refuse to reach.
    '--allow-loopback-peers', '--no-multicast-peers', `--pidfile=${join(dir, 'turnserver.pid')}`, `--userdb=${join(dir, 'turndb')}`,
  ];
  // coturn writes its log with stdio, which a pipe makes block-buffered: lines would arrive kilobytes late
  // (an allocation logged but not yet readable). stdbuf (coreutils) makes it line-buffered.
  const turnserver = ['stdbuf', '-oL', '-eL', 'turnserver', ...args];
  const [command, ...commandArgs] = options.netns ? ['ip', 'netns', 'exec', options.netns, ...turnserver] : turnserver;
  const child: ChildProcess = spawn(command ?? 'stdbuf', commandArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  // Probed from where the caller is; in a namespace the caller probes itself (waitForCoturn).
  if (!options.netns) {
    if (!(await waitUntil(() => answersBinding(ip, port), 5000))) {
      await stop();
      throw new Error(`coturn did not answer on ${ip}:${port}:\n${output}`);
    }
  }
  return { url: `turn:${ip}:${port}?transport=udp`, ip, port, log: () => output, stop };
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
