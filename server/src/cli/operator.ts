import { ConfigError, loadConfig } from '../config.js';
import { migrateToLatest, openDatabase } from '../db/index.js';
import type { CommandOutcome } from '../modules/accounts/index.js';

type Command = (args: string[], ctx: { db: ReturnType<typeof openDatabase>; publicUrl: string; now: number }) => Promise<CommandOutcome>;

/**
 * Runs an operator command against the database the server uses (the same environment settings), then exits
 * with its code. Nothing is logged: the output is what the operator asked for, or why not.
 */
export async function runOperatorCommand(command: Command): Promise<never> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const db = openDatabase(config.database);
  let outcome: CommandOutcome;
  try {
    await migrateToLatest(db);
    outcome = await command(process.argv.slice(2), { db, publicUrl: config.publicUrl, now: Date.now() });
  } catch (err) {
    console.error('The command failed:', err instanceof Error ? err.message : err);
    await db.destroy();
    process.exit(1);
  }
  await db.destroy();
  (outcome.exitCode === 0 ? console.log : console.error)(outcome.text);
  process.exit(outcome.exitCode);
}
