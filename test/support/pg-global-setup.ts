import { postgresBin, startCluster } from './postgres';
import type { Cluster } from './postgres';

declare global {
  // eslint-disable-next-line no-var
  var __pgCluster: Cluster | undefined;
}

/**
 * Jest's global setup: the PostgreSQL suites need a server. `TEST_DATABASE_URL` names one to use;
 * otherwise a throwaway cluster is started here (and stopped in the teardown) when PostgreSQL is
 * installed. Without it the PostgreSQL suites are skipped, loudly — except in CI, where that fails.
 */
export default async function setup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  if (!postgresBin(process.env.PG_BIN)) {
    const message = 'PostgreSQL is not installed (apt-get install -y postgresql): the PostgreSQL store suites are skipped.';
    if (process.env.CI === 'true') throw new Error(`${message} CI needs them.`);
    console.warn(`\n${message}\n`);
    return;
  }
  const cluster = await startCluster({ bin: process.env.PG_BIN, durable: false });
  globalThis.__pgCluster = cluster;
  process.env.TEST_DATABASE_URL = cluster.url;
}
