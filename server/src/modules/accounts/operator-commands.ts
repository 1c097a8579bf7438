import Value from 'typebox/value';
import { DisplayNameSchema, EmailSchema } from '@hearth/shared';
import type { Db } from '../../db/index.js';
import { accountsRepository, NO_PASSWORD_YET } from './accounts.repository.js';
import { NEW_ACCOUNT_LINK_LIFETIME_MS, passwordResetsRepository } from './password-resets.repository.js';
import { resetLinkFor } from './recovery.routes.js';

/** What a command prints and how it exits: 0 done, 1 refused (the message says why), 64 used wrongly (EX_USAGE). */
export interface CommandOutcome {
  exitCode: 0 | 1 | 64;
  /** For stdout when it worked, stderr when not. */
  text: string;
}

const done = (text: string): CommandOutcome => ({ exitCode: 0, text });
const refused = (text: string): CommandOutcome => ({ exitCode: 1, text });
const usage = (text: string): CommandOutcome => ({ exitCode: 64, text });

export const RESET_LINK_USAGE = 'Usage: npm run reset-link -- <email>';
export const ACCOUNT_USAGE = 'Usage: npm run account -- add <email> [display name] | disable <email> | enable <email>';

interface Context {
  db: Db;
  publicUrl: string;
  now: number;
}

/**
 * [AC5] `npm run reset-link -- <email>`: a one-time link for the operator to hand over. It prints the link and
 * nothing about the account; refusals name only what the operator can fix.
 */
export async function resetLinkCommand(args: string[], ctx: Context): Promise<CommandOutcome> {
  const [email, ...rest] = args;
  if (!email || rest.length > 0) return usage(RESET_LINK_USAGE);
  if (!Value.Check(EmailSchema, email)) return usage(`"${email}" is not an email address.\n${RESET_LINK_USAGE}`);
  const account = await accountsRepository(ctx.db).findByEmail(email);
  if (!account) return refused('No account has that email. To make one: npm run account -- add <email>');
  if (account.disabledAt !== null) return refused('That account is disabled. Enable it first: npm run account -- enable <email>');
  const token = await passwordResetsRepository(ctx.db).issue(account.id, ctx.now);
  return done(`One-time link to set a new password (works once, for an hour; send it privately):\n${resetLinkFor(ctx.publicUrl, token)}`);
}

/** [AC7] [AC8] `npm run account -- add|disable|enable <email>`. */
export async function accountCommand(args: string[], ctx: Context): Promise<CommandOutcome> {
  const [action, email, ...rest] = args;
  if (!action || !email || !['add', 'disable', 'enable'].includes(action)) return usage(ACCOUNT_USAGE);
  if (!Value.Check(EmailSchema, email)) return usage(`"${email}" is not an email address.\n${ACCOUNT_USAGE}`);
  const accounts = accountsRepository(ctx.db);
  const existing = await accounts.findByEmail(email);

  if (action === 'add') {
    const displayName = rest.length > 0 ? rest.join(' ').trim() : (email.split('@')[0] ?? email);
    if (!Value.Check(DisplayNameSchema, displayName)) return usage(`The display name must be 1 to 40 characters, not only spaces.\n${ACCOUNT_USAGE}`);
    if (existing) return refused('An account with that email already exists. For a new password: npm run reset-link -- <email>');
    const account = await accounts.create({ email, displayName, passwordHash: NO_PASSWORD_YET }, ctx.now);
    const token = await passwordResetsRepository(ctx.db).issue(account.id, ctx.now, NEW_ACCOUNT_LINK_LIFETIME_MS);
    return done(`Account added. Send this link privately; it sets their password (works once, for three days):\n${resetLinkFor(ctx.publicUrl, token)}`);
  }
  if (rest.length > 0) return usage(ACCOUNT_USAGE);
  if (!existing) return refused('No account has that email.');
  if (action === 'disable') {
    if (existing.disabledAt !== null) return refused('That account is already disabled.');
    await accounts.setDisabled(existing.id, ctx.now);
    return done('Account disabled: it cannot sign in, and every sign-in it had has ended.');
  }
  if (existing.disabledAt === null) return refused('That account is not disabled.');
  await accounts.setDisabled(existing.id, null);
  return done('Account enabled: it can sign in again with its password.');
}
