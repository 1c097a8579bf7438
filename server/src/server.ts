import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';

/** The process entry: read config, build, listen, print the setup link once, shut down gracefully. */
async function main(): Promise<void> {
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
  const { app, setupLink } = await buildApp(config);
  await app.listen({ host: config.host, port: config.port });
  console.log(startBanner(config, setupLink));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * What an operator needs at start-up, as one string printed in one write: a reader that waits for "Hearth is
 * running" (an operator's eye, or the test support's startHearthProcess) then has the setup link too.
 */
function startBanner(config: Config, setupLink: string | null): string {
  const lines = ['', `Hearth is running at ${config.publicUrl}`];
  if (config.database.kind === 'sqlite') lines.push(`Data is stored in ${config.database.file}`);
  if (config.iceServers.length === 0 && !config.turn) {
    lines.push('No STUN/TURN servers configured (TURN_URLS, ICE_SERVERS): people at home or on mobile networks may not connect (README: "Serving members at home").');
  }
  if (setupLink) lines.push('', 'Create the first facilitator account (this link works once):', `  ${setupLink}`, '');
  return lines.join('\n');
}

main().catch((err: unknown) => {
  console.error('Hearth failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
