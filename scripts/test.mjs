// `npm test`: the whole suite from a fresh clone: dependencies, system packages (Chromium, Postgres),
// a current client build, the pinned livekit-server (built once with Go), then every Vitest project
// (unit, integration, browser, real LiveKit).
import { ensureLiveKitBinary, LiveKitBuildError } from './livekit-server.mjs';
import { ensureClientBuild, ensureDependencies, run } from './lib/ensure.mjs';

ensureDependencies();
run('bash', ['scripts/system-deps.sh']);
ensureClientBuild();
try {
  ensureLiveKitBinary();
} catch (error) {
  console.error(error instanceof LiveKitBuildError ? error.message : error);
  process.exit(1);
}
run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
