// `npm start`: install what is missing, build the client, then run the server (which migrates the
// database on start and prints the one-time setup link on first run).
// `npm run start:livekit` (`--livekit`): the same in LiveKit mode, with a real livekit-server on loopback
// (scripts/livekit-server.mjs: built once from its Go module, then reused) whose webhooks come to this Hearth.
import { spawn } from 'node:child_process';
import { ensureClientBuild, ensureDependencies, root } from './lib/ensure.mjs';

ensureDependencies();
ensureClientBuild();

const env = { ...process.env };
let livekit = null;
if (process.argv.includes('--livekit')) {
  // Imported only here: plain `npm start` needs neither Go nor the LiveKit build.
  const { LIVEKIT_VERSION, LiveKitBuildError, startLiveKit } = await import('./livekit-server.mjs');
  const port = env.PORT ?? '3000';
  try {
    livekit = await startLiveKit({ webhookUrls: [`http://127.0.0.1:${port}/livekit/webhook`], log: console.log });
  } catch (error) {
    console.error(error instanceof LiveKitBuildError ? error.message : error);
    process.exit(1);
  }
  Object.assign(env, { LIVEKIT_URL: livekit.url, LIVEKIT_API_URL: livekit.apiUrl, LIVEKIT_API_KEY: livekit.apiKey, LIVEKIT_API_SECRET: livekit.apiSecret });
  console.log(`LiveKit mode: livekit-server ${LIVEKIT_VERSION} at ${livekit.url} (fresh key each start); Ctrl-C stops both.`);
}

const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', async (code, signal) => {
  await livekit?.stop();
  process.exit(code ?? (signal ? 1 : 0));
});
