// `npm test`: the whole suite from a fresh clone: dependencies, system packages (Chromium, Postgres),
// a current client build, then every Vitest project (unit, integration, browser).
import { ensureClientBuild, ensureDependencies, run } from './lib/ensure.mjs';

ensureDependencies();
run('bash', ['scripts/system-deps.sh']);
ensureClientBuild();
run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
