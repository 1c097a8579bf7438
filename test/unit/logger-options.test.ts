import { Writable } from 'node:stream';
import pino, { type LoggerOptions } from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from '../../server/src/lib/logger-options.js';

/** The real logger Hearth builds, writing into memory. */
function capture(): { log: pino.Logger; lines: () => string } {
  let text = '';
  const sink = new Writable({ write(chunk: Buffer, _encoding, done) { text += chunk.toString(); done(); } });
  const log = pino(loggerOptions({ logLevel: 'info' }) as LoggerOptions, sink);
  return { log, lines: () => text };
}

describe('[PR2] errors are logged by kind, never by message', () => {
  it('a database error quoting an email and a note keeps its class, code, constraint and where, and loses the words', () => {
    const { log, lines } = capture();
    // The shape node-postgres gives a unique violation: the value is in the message's neighbour, `detail`.
    const error = Object.assign(new Error('duplicate key value violates unique constraint "accounts_email_key" for sam@example.org'), {
      name: 'DatabaseError', code: '23505', constraint: 'accounts_email_key', table: 'accounts',
      detail: 'Key (email)=(sam@example.org) already exists.', where: 'note: I feel unsafe tonight',
    });
    log.error({ err: error, route: '/api/accounts' }, 'request failed');
    const entry = JSON.parse(lines()) as { err: Record<string, string>; msg: string };
    expect(entry.msg).toBe('request failed');
    expect(entry.err).toMatchObject({ type: 'DatabaseError', code: '23505', constraint: 'accounts_email_key', table: 'accounts' });
    expect(entry.err.stack).toMatch(/^at /);
    expect(lines()).not.toContain('sam@example.org');
    expect(lines()).not.toContain('unsafe');
  });

  it('an error thrown with a name in its message is logged without it', () => {
    const { log, lines } = capture();
    log.error({ err: new TypeError("Cannot read 'Sam Jones'") }, 'command failed');
    expect(lines()).toContain('TypeError');
    expect(lines()).not.toContain('Sam Jones');
  });
});
