import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/** A throwaway PostgreSQL cluster: its own data folder, on 127.0.0.1 and a free port. */
export interface Cluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust authentication, loopback only). */
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** The folder of PostgreSQL's server binaries: `PG_BIN`, else Debian's newest, else the PATH's. */
export function postgresBin(explicit?: string): string | undefined {
  if (explicit) return existsSync(join(explicit, 'pg_ctl')) ? explicit : undefined;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => existsSync(join(debian, v, 'bin', 'pg_ctl')));
    versions.sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return join(debian, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'pg_ctl'))) return dir;
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster in a new temporary folder. PostgreSQL refuses to run as root, so as root the
 * binaries run as the `postgres` user (`runuser -u postgres --`), who owns the folder.
 * `durable: false` (tests) turns fsync off: the tests kill bot processes, never the database.
 */
export async function startCluster(options: { bin?: string; durable?: boolean } = {}): Promise<Cluster> {
  const bin = postgresBin(options.bin);
  if (!bin) throw new Error('PostgreSQL is not installed: `apt-get install -y postgresql` (or set PG_BIN to its bin folder)');
  const asRoot = process.getuid?.() === 0;
  const exec = (cmd: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]) : run(join(bin, cmd), args);

  const dataDir = await mkdtemp(join(tmpdir(), 'fa-pg-'));
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dataDir, Number(stdout.trim()), Number(gid.trim()));
  }
  await chmod(dataDir, 0o700);
  await exec('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C.UTF-8']);
  const port = await freePort();
  const settings = [`-p ${port}`, `-k ${dataDir}`, "-c listen_addresses='127.0.0.1'", '-c max_connections=200'];
  if (options.durable === false) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
  await exec('pg_ctl', ['-D', dataDir, '-o', settings.join(' '), '-l', join(dataDir, 'server.log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await exec('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new, empty database on the cluster behind `url`; its URL. Each test file takes its own. */
export async function freshDatabase(url: string, prefix = 'fa_test'): Promise<string> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}
