// Installs schemathesis (the OpenAPI fuzzer, from PyPI) into an ignored venv, .cache/schemathesis, once.
// `npm test` and `npm run bench:fuzz-http` call ensureSchemathesis(); `node scripts/schemathesis.mjs` does
// only the install. Plain Node with no dependencies, like scripts/lib/ensure.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SCHEMATHESIS_VERSION = '4.32.5';
const root = new URL('..', import.meta.url).pathname;
export const venvDir = join(root, '.cache/schemathesis');
export const schemathesisBin = join(venvDir, 'bin/schemathesis');
const marker = join(venvDir, `.installed-${SCHEMATHESIS_VERSION}`);

export class SchemathesisInstallError extends Error {}

function python() {
  for (const candidate of [process.env.PYTHON, 'python3', 'python'].filter(Boolean)) {
    const probe = spawnSync(candidate, ['-c', 'import sys, venv; print(sys.version_info >= (3, 10))'], { encoding: 'utf8' });
    if (probe.status === 0 && probe.stdout.trim() === 'True') return candidate;
  }
  return null;
}

/** Returns the schemathesis executable, installing it first if needed; throws with what to do when it cannot. */
export function ensureSchemathesis({ quiet = false } = {}) {
  if (existsSync(marker) && existsSync(schemathesisBin)) return schemathesisBin;
  const py = python();
  if (!py) {
    throw new SchemathesisInstallError(
      'The HTTP fuzz run needs Python 3.10 or newer with its venv module (python3 and python3-venv; on Debian: apt-get install python3 python3-venv), ' +
        'or set PYTHON to one. It installs schemathesis from PyPI into .cache/schemathesis.',
    );
  }
  if (!quiet) console.log(`Installing schemathesis ${SCHEMATHESIS_VERSION} into .cache/schemathesis (once)...`);
  rmSync(venvDir, { recursive: true, force: true });
  const steps = [
    [py, ['-m', 'venv', venvDir]],
    [join(venvDir, 'bin/python'), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`]],
  ];
  for (const [command, args] of steps) {
    const result = spawnSync(command, args, { stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
    if (result.status !== 0) {
      rmSync(venvDir, { recursive: true, force: true });
      throw new SchemathesisInstallError(
        `Installing schemathesis failed at \`${command} ${args.join(' ')}\` (exit ${result.status ?? result.signal}).` +
          ' It needs pip and a reachable PyPI; on Debian python3-venv brings pip into the venv.' +
          (result.stderr ? `\n${result.stderr.slice(-2000)}` : ''),
      );
    }
  }
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return schemathesisBin;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(ensureSchemathesis());
  } catch (error) {
    console.error(error instanceof SchemathesisInstallError ? error.message : error);
    process.exit(1);
  }
}
