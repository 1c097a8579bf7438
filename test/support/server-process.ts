import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * Hearth as a real child process (`node --import tsx server/src/server.ts`), for tests that must kill
 * the server the hard way (SIGKILL) and start it again on the same data.
 */
export interface HearthProcess {
  url: string;
  setupLink: string | null;
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr): what an operator's log would hold. */
  output(): string;
  /** Kills with the signal and waits for the process to be gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startHearthProcess(env: Record<string, string>, timeoutMs = 20_000, nodeArgs: string[] = []): Promise<HearthProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...nodeArgs, 'server/src/server.ts'], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${env.PORT}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Hearth exited early (${child.exitCode}):\n${output}`);
    // The server prints its whole start-up banner (setup link included) in one write, so once this line
    // is here the link is too.
    if (output.includes('Hearth is running')) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Hearth did not start within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const setupLink = /(https?:\/\/\S+\/setup\?token=\S+)/.exec(output)?.[1] ?? null;
  return {
    url,
    setupLink: setupLink?.replace(/^https?:\/\/[^/]+/, url) ?? null,
    child,
    output: () => output,
    kill(signal) {
      return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      });
    },
  };
}
