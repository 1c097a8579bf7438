import { sql } from 'kysely';
import type { Health } from '@hearth/shared';
import type { Db } from '../../db/index.js';
import type { SharedRedis } from '../../lib/index.js';
import type { NodeState } from './node-state.js';

/**
 * [ND5] Whether this node can reach what it depends on, each answered within about a second so a load
 * balancer's probe never hangs on a dead database.
 */
export async function checkHealth(deps: { db: Db; redis: SharedRedis | null; node: NodeState }): Promise<Health> {
  const [database, redis] = await Promise.all([
    databaseReachable(deps.db).then((up) => (up ? ('ok' as const) : ('unreachable' as const))),
    deps.redis ? deps.redis.ping().then((up) => (up ? ('ok' as const) : ('unreachable' as const))) : Promise.resolve('not_configured' as const),
  ]);
  const status = database === 'unreachable' || redis === 'unreachable' ? 'degraded' : 'ok';
  return { status, database, redis, draining: deps.node.draining };
}

async function databaseReachable(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), 1000);
  });
  try {
    return await Promise.race([sql`select 1`.execute(db).then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
