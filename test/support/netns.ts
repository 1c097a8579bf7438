import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Network namespaces for the TURN relay test: each "home" is a namespace joined to the test's own (root)
 * namespace by a veth pair, with a route to one shared service address only, where Hearth and coturn listen.
 * The homes have no route to each other, so their browsers can reach each other only through the relay.
 *
 *   home 0: 10.<n>.1.2/24 ── veth ── 10.<n>.1.1 (root, + service address 10.<n>.0.1/32)
 *   home 1: 10.<n>.2.2/24 ── veth ── 10.<n>.2.1 (root)
 */
export interface RelayOnlyHomes {
  /** Where Hearth and coturn listen (in the root namespace), the only address both homes reach. */
  serviceAddress: string;
  homes: { name: string; address: string }[];
  /** A Chromium executable that runs inside the home (`ip netns exec`), for playwright's executablePath. */
  chromiumIn(home: number): string;
  /** Removes the namespaces (and with them the veth pairs and the service address). Safe to call twice. */
  remove(): void;
}

/** Why the namespaces cannot be made here, or null when they can (root, `ip netns` works). */
export function netnsUnavailable(): string | null {
  if (process.getuid?.() !== 0) return 'needs root to create network namespaces (CI runs as root)';
  const probe = `hearth-probe-${process.pid}`;
  const added = spawnSync('ip', ['netns', 'add', probe], { encoding: 'utf8' });
  if (added.status !== 0) return `ip netns is unavailable here: ${(added.stderr || added.error?.message || '').trim()}`;
  spawnSync('ip', ['netns', 'del', probe]);
  return null;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });

export function createRelayOnlyHomes(count: number, chromiumPath: string): RelayOnlyHomes {
  // A per-process subnet, so two runs on one machine do not collide.
  const n = 100 + (process.pid % 150);
  const serviceAddress = `10.${n}.0.1`;
  const tag = `${process.pid % 100000}`;
  const homes = Array.from({ length: count }, (_, i) => ({ name: `hearth-home${i}-${tag}`, address: `10.${n}.${i + 1}.2` }));
  const scripts = mkdtempSync(join(tmpdir(), 'hearth-netns-'));
  const outsideOf = (i: number) => `hh${i}o${tag}`.slice(0, 15);
  const remove = () => {
    // Deleting a namespace removes its veth pair, but in the background: delete our end at once as well.
    homes.forEach((home, i) => {
      spawnSync('ip', ['link', 'del', outsideOf(i)]);
      spawnSync('ip', ['netns', 'del', home.name]);
    });
    rmSync(scripts, { recursive: true, force: true });
  };
  try {
    homes.forEach((home, i) => {
      const [inside, outside] = [`hh${i}i${tag}`.slice(0, 15), outsideOf(i)];
      const gateway = `10.${n}.${i + 1}.1`;
      ip('netns', 'add', home.name);
      ip('link', 'add', outside, 'type', 'veth', 'peer', 'name', inside);
      ip('link', 'set', inside, 'netns', home.name);
      ip('addr', 'add', `${gateway}/24`, 'dev', outside);
      // The service address lives on the first pair's root end; the root namespace answers for it on every link.
      if (i === 0) ip('addr', 'add', `${serviceAddress}/32`, 'dev', outside);
      ip('link', 'set', outside, 'up');
      ip('-n', home.name, 'addr', 'add', `${home.address}/24`, 'dev', inside);
      ip('-n', home.name, 'link', 'set', inside, 'up');
      ip('-n', home.name, 'link', 'set', 'lo', 'up');
      // No default route: this home reaches its own link and the service address, nothing else.
      ip('-n', home.name, 'route', 'add', `${serviceAddress}/32`, 'via', gateway);
    });
  } catch (err) {
    remove();
    throw err;
  }
  const chromiumIn = (index: number) => {
    const home = homes[index];
    if (!home) throw new Error(`no home ${index}`);
    const script = join(scripts, `chromium-${index}.sh`);
    writeFileSync(script, `#!/bin/sh\nexec ip netns exec ${home.name} ${chromiumPath} "$@"\n`);
    chmodSync(script, 0o755);
    return script;
  };
  return { serviceAddress, homes, chromiumIn, remove };
}

/** Whether a home has any route to `address` (the test checks its own topology with it). */
export function homeRoutes(home: string, address: string): boolean {
  return spawnSync('ip', ['-n', home, 'route', 'get', address]).status === 0;
}

/** Whether `from` (a home) can reach `address:port` over TCP: the test checks its own topology with it. */
export function homeReaches(home: string, address: string, port: number): boolean {
  const probe = spawnSync('ip', ['netns', 'exec', home, 'bash', '-c', `exec 3<>/dev/tcp/${address}/${port}`], { timeout: 3000 });
  return probe.status === 0;
}
