import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../server/src/config.js';

// No Docker engine runs on our machines: the file is checked, not run.
interface Service {
  build?: string;
  image?: string;
  ports?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as { services: Record<string, Service> };

/** Resolves `${NAME:-default}` and `${NAME:?message}` the way compose does, from the given variables. */
function interpolate(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_m, name: string, kind?: string, rest?: string) => {
    if (vars[name] !== undefined) return vars[name];
    if (kind === '-') return rest ?? '';
    throw new Error(`${name} is required: ${rest}`);
  });
}

describe('docker-compose.yml', () => {
  it('runs the app beside Postgres, which it waits for', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'postgres']);
    expect(compose.services.app?.build).toBe('.');
    expect(compose.services.app?.ports).toContain('3000:3000');
    expect(compose.services.app?.depends_on?.postgres?.condition).toBe('service_healthy');
    expect(compose.services.postgres?.image).toMatch(/^postgres:15/);
  });

  it('gives the app an environment its config accepts, pointing at the postgres service', () => {
    const vars = { POSTGRES_PASSWORD: 'secret', PUBLIC_URL: 'https://hearth.example.org' };
    const env = Object.fromEntries(Object.entries(compose.services.app?.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), vars)]));
    const config = loadConfig(env);
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://hearth:secret@postgres:5432/hearth' });
    expect(config.host).toBe('0.0.0.0');
    expect(config.secureCookies).toBe(true);
  });

  it('refuses to start without a database password rather than using a default', () => {
    const password = compose.services.app?.environment?.DATABASE_URL ?? '';
    expect(() => interpolate(password, {})).toThrow(/POSTGRES_PASSWORD/);
  });
});
