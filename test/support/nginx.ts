import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server-process.js';

/**
 * [ND6] Debian's nginx in front of several Hearth nodes on loopback, with the same upstream rules as
 * deploy/nginx.conf (sticky by the `hearth_node` cookie, WebSocket upgrade, a refused or unreachable node
 * skipped), plus an `x-hearth-upstream` header naming the node that answered, so a test can place people.
 */
export interface TestNginx {
  url: string;
  stop(): Promise<void>;
}

export async function startNginx(upstreamPorts: number[]): Promise<TestNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-nginx-'));
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
  const port = await freePort();
  writeFileSync(join(dir, 'nginx.conf'), `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  map $cookie_hearth_node $hearth_sticky_key { default $cookie_hearth_node; '' $remote_addr; }
  upstream hearth {
    hash $hearth_sticky_key consistent;
${upstreamPorts.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://hearth;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_read_timeout 3600s;
      proxy_next_upstream error timeout http_403 http_503;
      add_header x-hearth-upstream $upstream_addr always;
    }
  }
}
`);
  const child: ChildProcess = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${stderr}`);
    if (await fetch(`${url}/api/health`).then(() => true, () => false)) break;
    if (Date.now() > deadline) throw new Error(`nginx did not answer: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A `hearth_node` cookie value that nginx sends to the node on `port` (found by asking). */
export async function cookieFor(nginx: TestNginx, port: number): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const value = `n${i}`;
    const answer = await fetch(`${nginx.url}/api/health`, { headers: { cookie: `hearth_node=${value}` } });
    if (answer.headers.get('x-hearth-upstream')?.endsWith(`:${port}`)) return value;
  }
  throw new Error(`no cookie value leads to port ${port}`);
}
