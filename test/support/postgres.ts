import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = '/usr/lib/postgresql/15/bin';

/**
 * A throwaway Postgres 15 cluster on 127.0.0.1 (see ../shared/ENVIRONMENT_NOTES.md). initdb refuses to
 * run as root, so when we are root the cluster belongs to the postgres user.
 */
export interface ThrowawayPostgres {
  url: string;
  stop(): void;
}

export function startPostgres(port = 55432 + (process.pid % 1000)): ThrowawayPostgres {
  if (!existsSync(join(BIN, 'initdb'))) {
    throw new Error('PostgreSQL 15 is not installed: run `bash scripts/system-deps.sh` (npm test does this for you).');
  }
  const dir = mkdtempSync(join(tmpdir(), 'hearth-pg-'));
  const asPostgres = process.getuid?.() === 0;
  const sh = (command: string) => {
    const result = asPostgres
      ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { encoding: 'utf8' })
      : spawnSync('/bin/sh', ['-c', command], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  };
  if (asPostgres) execFileSync('chown', ['postgres:postgres', dir]);
  sh(`${BIN}/initdb -D ${dir}/data -U postgres -A trust -E UTF8 --no-sync > ${dir}/initdb.log`);
  sh(`${BIN}/pg_ctl -D ${dir}/data -l ${dir}/log -w -o "-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off" start > /dev/null`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        sh(`${BIN}/pg_ctl -D ${dir}/data -m immediate -w stop > /dev/null`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
