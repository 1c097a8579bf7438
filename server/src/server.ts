import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

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
  const url = config.publicUrl;
  console.log(`\nHearth is running at ${url}`);
  if (config.database.kind === 'sqlite') console.log(`Data is stored in ${config.database.file}`);
  if (config.iceServers.length === 0) {
    console.log('No STUN/TURN servers configured (ICE_SERVERS): people can connect only on the same network or with public addresses.');
  }
  if (setupLink) console.log(`\nCreate the first facilitator account (this link works once):\n  ${setupLink}\n`);

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

main().catch((err: unknown) => {
  console.error('Hearth failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
