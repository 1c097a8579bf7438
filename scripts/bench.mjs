// Runs one benchmark after making sure dependencies, Chromium and the client build are in place.
import { ensureClientBuild, ensureDependencies, run } from './lib/ensure.mjs';

const [script, ...args] = process.argv.slice(2);
ensureDependencies();
run('bash', ['scripts/system-deps.sh']);
ensureClientBuild();
run('npx', ['tsx', script, ...args]);
