// `npm start`: install what is missing, build the client, then run the server (which migrates the
// database on start and prints the one-time setup link on first run).
import { spawn } from 'node:child_process';
import { ensureClientBuild, ensureDependencies, root } from './lib/ensure.mjs';

ensureDependencies();
ensureClientBuild();

const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
