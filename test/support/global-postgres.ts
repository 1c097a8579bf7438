import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/** One Postgres cluster for the integration run; each suite creates its own database in it. */
export default function setup(project: TestProject) {
  const pg = startPostgres();
  project.provide('postgresUrl', pg.url);
  return () => pg.stop();
}
