import './warnings';
import path from 'node:path';
import { startApp } from './app';
import { loadConfig } from './config';
import { createLogger } from './ops/pinoLogger';
import { listeningOn } from './server';
import { describeTarget } from './store';

/** The composition root: the only place that reads the environment and owns the process. */
async function main(): Promise<void> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    console.error(loaded.error);
    process.exit(1);
  }
  const config = loaded.config;
  // JSON lines for a log collector; readable lines when a person watches the terminal.
  const log = createLogger({ level: config.logLevel, pretty: process.stdout.isTTY === true });
  const started = await startApp(config, { seedFile: path.resolve('data/demo-policy.json'), logger: log });
  if (!started.ok) {
    const hint = /^store: [^ ]+: invalid/.test(started.error) ? ' (the file was left as it is; `npm run store:reset` backs it up and starts again from the demo)' : '';
    log.error(`${started.error}${hint}`);
    process.exit(1);
  }
  const { app } = started;
  // The database by host, port and name only (never the URL: it may carry the password).
  const store = config.databaseUrl !== undefined ? `postgres ${describeTarget(config.databaseUrl)} (DATABASE_URL is set: POLICY_DB is not used)` : config.policyDb;
  log.info(`Federation Assistant listening on ${listeningOn(app.address, app.port)}`, { store, metrics: config.metrics ? '/metrics' : 'off' });

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: finishing in-flight turns and store writes…`);
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error('shutdown failed', { error: String(err) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
