import { freePort, startHearthProcess, type HearthProcess } from './server-process.js';
import { startRedis, type ThrowawayRedis } from './redis.js';

/**
 * [ND1] Several Hearth nodes as real processes on their own ports, sharing one Postgres database and one
 * throwaway Redis, as an operator runs them behind a load balancer (here: the test talks to each node
 * directly, or test/e2e puts nginx in front). `stop` ends the processes and Redis.
 */
export interface HearthNodes {
  nodes: HearthProcess[];
  redis: ThrowawayRedis;
  /** The environment every node was started with (a replacement node starts with it too). */
  env: Record<string, string>;
  /** Starts one more node with the shared environment (e.g. to replace one that was stopped). */
  add(extraEnv?: Record<string, string>): Promise<HearthProcess>;
  stop(): Promise<void>;
}

export async function startNodes(count: number, databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<HearthNodes> {
  const redis = startRedis(await freePort());
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, HOST: '127.0.0.1', ...extraEnv };
  const nodes: HearthProcess[] = [];
  const add = async (more: Record<string, string> = {}) => {
    const node = await startHearthProcess({ ...env, PORT: String(await freePort()), ...more }, 30_000);
    nodes.push(node);
    return node;
  };
  try {
    // One after the other: the first migrates the database, the next find it migrated.
    for (let i = 0; i < count; i++) await add();
  } catch (err) {
    await Promise.all(nodes.map((node) => node.kill('SIGKILL')));
    redis.stop();
    throw err;
  }
  return {
    nodes,
    redis,
    env,
    add,
    async stop() {
      await Promise.all(nodes.map((node) => node.kill('SIGKILL')));
      redis.stop();
    },
  };
}
