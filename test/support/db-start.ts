import { Client } from 'pg';
import { startCluster } from './postgres';

/**
 * `npm run db:start`: a throwaway PostgreSQL cluster for developers, on 127.0.0.1 and a free port,
 * with an empty `federation` database. Prints its DATABASE_URL and runs until Ctrl-C, then stops the
 * cluster and deletes its folder (nothing in it is kept).
 */
async function main(): Promise<void> {
  const cluster = await startCluster({ bin: process.env.PG_BIN });
  const client = new Client({ connectionString: cluster.url });
  await client.connect();
  await client.query('CREATE DATABASE federation');
  await client.end();
  const url = new URL(cluster.url);
  url.pathname = '/federation';
  console.log(`PostgreSQL is running (data in ${cluster.dataDir}); in another terminal:\n\n  DATABASE_URL=${url.toString()} npm start\n\nCtrl-C stops it and deletes its data.`);
  // Signal handlers do not keep Node running: this timer does, until a signal stops the cluster.
  const alive = setInterval(() => undefined, 1 << 30);
  const stop = (): void => {
    clearInterval(alive);
    void cluster.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`db:start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
