// `npm test`: the whole suite from a fresh clone: dependencies, system packages (Chromium, Postgres),
// a current client build, the pinned livekit-server (built once with Go), schemathesis (from PyPI, once),
// then every Vitest project (unit, integration, browser, real LiveKit, HTTP fuzz).
import { ensureLiveKitBinary, LiveKitBuildError } from './livekit-server.mjs';
import { ensureSchemathesis, SchemathesisInstallError } from './schemathesis.mjs';
import { ensureClientBuild, ensureDependencies, run } from './lib/ensure.mjs';

ensureDependencies();
run('bash', ['scripts/system-deps.sh']);
ensureClientBuild();
try {
  ensureLiveKitBinary();
  ensureSchemathesis();
} catch (error) {
  console.error(error instanceof LiveKitBuildError || error instanceof SchemathesisInstallError ? error.message : error);
  process.exit(1);
}
run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
