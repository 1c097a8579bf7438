import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config.js';

/**
 * pino with no personal data: no bodies (Fastify never logs them), no cookies or auth headers, the
 * route pattern instead of the URL (join URLs carry invite tokens), and errors by kind only.
 */
export function loggerOptions(config: Pick<Config, 'logLevel'>): FastifyServerOptions['logger'] {
  if (config.logLevel === 'silent') return false;
  return {
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    serializers: {
      req(request: { method: string; routeOptions?: { url?: string }; url: string }) {
        return { method: request.method, route: request.routeOptions?.url ?? request.url.split('?')[0]?.replace(/\/join\/[^/]+/, '/join/:token') };
      },
      err: errorKind,
    },
  };
}

/**
 * An error as the log may keep it: its class, code, the database's constraint and table names, and where it
 * happened. Never its message or detail: a database error's message or detail quotes the value that broke
 * the rule (an email, a name, a note), and an error from a library may quote its input.
 */
export function errorKind(err: unknown): { type: string; message: string; stack: string; [field: string]: string | undefined } {
  if (!(err instanceof Error)) return { type: typeof err, message: 'not an Error', stack: '' };
  const fields = err as Error & { code?: unknown; constraint?: unknown; table?: unknown };
  const frames = (err.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at ')).slice(0, 8);
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  return {
    type: err.name,
    // Only the kind stands in for the message, which is withheld.
    message: code ? `${err.name} ${code}` : err.name,
    code,
    constraint: typeof fields.constraint === 'string' ? fields.constraint : undefined,
    table: typeof fields.table === 'string' ? fields.table : undefined,
    stack: frames.map((line) => line.trim()).join('\n'),
  };
}
