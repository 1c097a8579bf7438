// A real LiveKit server on 127.0.0.1, for development (`npm run livekit`) and for the tests
// (test/support/global-livekit.ts). LiveKit has no npm or Debian package, so it is built once from its
// Go module at the release pinned in scripts/livekit/go.mod (with go.sum, so the proxy's bytes are
// checked) into .cache/livekit/<version>/, and reused from there.
// Plain Node with no dependencies: `npm test` builds it before Vitest starts.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const moduleDir = join(root, 'scripts/livekit');

/** The pinned release, read from the one place it is written down. */
export const LIVEKIT_VERSION = /github\.com\/livekit\/livekit-server (v[^\s]+)/.exec(readFileSync(join(moduleDir, 'go.mod'), 'utf8'))[1];

export const livekitBinary = join(root, '.cache/livekit', LIVEKIT_VERSION, 'livekit-server');

export class LiveKitBuildError extends Error {}

/**
 * The path of the built livekit-server, building it first when it is missing (~2 min cold with a warm
 * module cache; the first build on a fresh machine also downloads the modules). Throws LiveKitBuildError
 * with what to do when Go or the module proxy is missing.
 */
export function ensureLiveKitBinary({ log = console.log } = {}) {
  if (existsSync(livekitBinary)) return livekitBinary;
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.error || go.status !== 0) {
    throw new LiveKitBuildError(
      `Go is needed to build livekit-server ${LIVEKIT_VERSION} (LiveKit mode's tests run against the real server), and \`go\` was not found.\n` +
        'Install Go 1.26 or newer (https://go.dev/dl/; Debian bookworm\'s golang package is too old) and run again.',
    );
  }
  log(`Building livekit-server ${LIVEKIT_VERSION} with ${go.stdout.trim()} into ${livekitBinary} (once; takes a few minutes on a fresh machine)...`);
  const started = Date.now();
  mkdirSync(join(livekitBinary, '..'), { recursive: true });
  // Build to a temporary name and rename, so a run interrupted half-way never leaves a broken binary to reuse.
  const partial = `${livekitBinary}.partial-${process.pid}`;
  const build = spawnSync(
    'go',
    ['build', '-trimpath', '-ldflags=-s -w', '-o', partial, 'github.com/livekit/livekit-server/cmd/server'],
    { cwd: moduleDir, encoding: 'utf8', env: { ...process.env, GOFLAGS: '-mod=readonly -buildvcs=false' } },
  );
  if (build.status !== 0) {
    rmSync(partial, { force: true });
    const output = `${build.stdout ?? ''}${build.stderr ?? ''}`.trim();
    const proxy = spawnSync('go', ['env', 'GOPROXY'], { encoding: 'utf8' }).stdout?.trim();
    const fetchFailed = /dial tcp|no such host|403 Forbidden|404 Not Found|connection refused|timeout|proxyconnect|GOPROXY=off/i.test(output);
    throw new LiveKitBuildError(
      `Building livekit-server ${LIVEKIT_VERSION} failed (go build in scripts/livekit):\n${output.split('\n').slice(-15).join('\n')}\n` +
        (fetchFailed
          ? `The Go module proxy (GOPROXY=${proxy}) could not be reached or refused a module. LiveKit's modules come from the proxy: allow access to it (or set GOPROXY to a mirror) and run again.`
          : 'See the Go output above.'),
    );
  }
  renameSync(partial, livekitBinary);
  log(`Built livekit-server ${LIVEKIT_VERSION} in ${Math.round((Date.now() - started) / 1000)} s.`);
  return livekitBinary;
}

function freeTcpPort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function udpPortFree(port) {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => resolve(false));
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}

/** A run of `count` free UDP ports (LiveKit's ICE range), so several servers can run on one machine. */
async function freeUdpRange(count) {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const start = 40_000 + Math.floor(Math.random() * 20_000);
    const free = await Promise.all(Array.from({ length: count }, (_, i) => udpPortFree(start + i)));
    if (free.every(Boolean)) return { start, end: start + count - 1 };
  }
  throw new Error(`No run of ${count} free UDP ports found between 40000 and 60000.`);
}

/**
 * LiveKit's config for loopback: no external-IP discovery (no STUN is reachable), no TURN, no Redis.
 * docker-compose.yml carries the same shape for a deployment (test/unit/docker-compose.test.ts holds the two
 * together). Remote unmute stays off: a facilitator can mute anyone but never turn a microphone on.
 */
export function configYaml({ httpPort, tcpPort, udp, apiKey, apiSecret, webhookUrls }) {
  const lines = [
    `port: ${httpPort}`,
    'bind_addresses: ["127.0.0.1"]',
    'rtc:',
    `  tcp_port: ${tcpPort}`,
    `  port_range_start: ${udp.start}`,
    `  port_range_end: ${udp.end}`,
    '  node_ip: 127.0.0.1',
    '  use_external_ip: false',
    '  enable_loopback_candidate: true',
    'room:',
    '  enable_remote_unmute: false',
    'keys:',
    `  ${apiKey}: ${apiSecret}`,
    'logging:',
    '  level: info',
    '  json: true',
  ];
  if (webhookUrls.length > 0) {
    lines.push('webhook:', `  api_key: ${apiKey}`, '  urls:', ...webhookUrls.map((url) => `    - ${JSON.stringify(url)}`));
  }
  return `${lines.join('\n')}\n`;
}

async function waitUntilUp(url, child, logFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n') : '';
  throw new Error(`livekit-server did not answer on ${url} within ${timeoutMs} ms (exit ${child.exitCode}).\n${tail}`);
}

/**
 * Starts livekit-server on 127.0.0.1 on free ports with a fresh API key and secret (unless given) and a
 * generated config in its own temporary folder. Webhooks go to `webhookUrls`, signed with the same key.
 * Pass `ports` to start on the ports of an earlier server (a restart).
 * Resolves once LiveKit answers HTTP; `stop()` ends it and removes the folder.
 */
export async function startLiveKit({
  webhookUrls = [],
  apiKey = `API${randomBytes(6).toString('hex')}`,
  apiSecret = randomBytes(32).toString('base64url'),
  udpPorts = 10,
  ports = undefined,
  log = () => {},
} = {}) {
  const binary = ensureLiveKitBinary({ log });
  const dir = mkdtempSync(join(tmpdir(), 'hearth-livekit-'));
  // `ports` (the `ports` of an earlier start) brings a server back where clients knew it, after a crash.
  const [httpPort, tcpPort, udp] = ports ? [ports.http, ports.tcp, ports.udp] : [await freeTcpPort(), await freeTcpPort(), await freeUdpRange(udpPorts)];
  const configFile = join(dir, 'livekit.yaml');
  writeFileSync(configFile, configYaml({ httpPort, tcpPort, udp, apiKey, apiSecret, webhookUrls }), { mode: 0o600 });
  const logFile = join(dir, 'livekit.log');
  const out = openSync(logFile, 'a');
  const child = spawn(binary, ['--config', configFile], { stdio: ['ignore', out, out] });
  closeSync(out);
  const apiUrl = `http://127.0.0.1:${httpPort}`;
  log(`Starting livekit-server ${LIVEKIT_VERSION} on ${apiUrl} (RTC TCP ${tcpPort}, UDP ${udp.start}-${udp.end}); log: ${logFile}`);
  await waitUntilUp(apiUrl, child, logFile, 20_000);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url: `ws://127.0.0.1:${httpPort}`,
    apiUrl,
    apiKey,
    apiSecret,
    ports: { http: httpPort, tcp: tcpPort, udp },
    logFile,
    pid: child.pid,
    /** Ends it; `{ crash: true }` kills it at once (SIGKILL), as a crash would. */
    async stop({ crash = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(crash ? 'SIGKILL' : 'SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// `npm run livekit`: build if needed, start, print what Hearth needs to use it, run until Ctrl-C.
if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const hearth = (process.env.HEARTH_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  try {
    const livekit = await startLiveKit({ webhookUrls: [`${hearth}/livekit/webhook`], log: console.log });
    console.log(`livekit-server ${LIVEKIT_VERSION} is up. Webhooks go to ${hearth}/livekit/webhook (set HEARTH_URL to change).`);
    console.log('Start Hearth in LiveKit mode with:');
    console.log(`  LIVEKIT_URL=${livekit.url} LIVEKIT_API_KEY=${livekit.apiKey} LIVEKIT_API_SECRET=${livekit.apiSecret} npm start`);
    console.log('Ctrl-C stops it.');
    const stop = () => livekit.stop().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    console.error(error instanceof LiveKitBuildError ? error.message : error);
    process.exit(1);
  }
}
