import { createAdapter, FederationBot, PlanMemo } from './bot';
import { DEFAULT_ATTACHMENT_POLICY } from './bot/attachments';
import type { Config } from './config';
import type { Logger } from './ops/logger';
import { createMetrics } from './ops/metrics';
import { observedStore } from './ops/observedStore';
import { createLogger } from './ops/pinoLogger';
import { readiness } from './ops/readiness';
import { plan } from './policy';
import { startServer } from './server';
import { connectPostgres, MemoryConfirmationStore, openPostgresStore, openStore, PgConfirmationStore, type ConfirmationStore, type PolicyStore } from './store';
import pkg from '../package.json';

export interface AppOptions {
  /** The demo store copied to `config.policyDb` when that file is missing (or into an empty database). */
  seedFile: string;
  clock?: () => Date;
  /** Where the app logs; JSON lines on standard output at `config.logLevel` when absent. */
  logger?: Logger;
  /**
   * Where previews wait for Confirm: in this process's memory when absent. Give one kept in the
   * database (`PgConfirmationStore`) when several processes serve the bot; the caller owns it
   * (and its pool) and closes it after the app.
   */
  confirmations?: ConfirmationStore;
  /**
   * An already opened policy store to serve instead of opening `config.policyDb` (several apps of
   * one process sharing one store, as several processes share one database); the caller owns it
   * and closes it after the app.
   */
  store?: PolicyStore;
}

export interface RunningApp {
  port: number;
  /** The address actually bound ("127.0.0.1", "::" for every interface…). */
  address: string;
  /** Stops taking requests, lets in-flight turns and store writes finish, then releases the store. */
  close(): Promise<void>;
}

export type StartResult = { ok: true; app: RunningApp } | { ok: false; error: string };

/** Builds the whole graph from a config: store → bot → adapter → server, with logs and metrics. Tests call this too. */
export async function startApp(config: Config, options: AppOptions): Promise<StartResult> {
  const log = options.logger ?? createLogger({ level: config.logLevel });
  const opened = options.store ? { ok: true as const, store: options.store, shared: undefined } : await openConfiguredStore(config, options.seedFile, log);
  if (!opened.ok) return { ok: false, error: opened.error };
  // On PostgreSQL previews wait in the database too, on the store's pool, so any instance can confirm them.
  const pending = options.confirmations ?? (opened.shared ? new PgConfirmationStore(opened.shared.pool) : new MemoryConfirmationStore());
  // A registry per app: tests run several apps in one process.
  const metrics = config.metrics ? createMetrics({ pendingConfirmations: () => pending.size(), storeSize: () => opened.store.size() }) : undefined;
  const store = observedStore(opened.store, { commitEnded: (result, seconds) => metrics?.commitEnded(result, seconds) }, log);
  // Only what the app opened is the app's to close.
  const release = options.store
    ? async () => undefined
    : async () => {
        await store.close();
        await opened.shared?.pool.end();
      };
  const bot = new FederationBot({
    store,
    botAdmins: config.botAdmins,
    identity: { localMode: config.localMode, trustedChannels: config.trustedChannels },
    pending,
    plans: new PlanMemo(),
    clock: options.clock ?? (() => new Date()),
    log,
    onTurnEnd: (t) => metrics?.turnEnded(t.kind, t.result, t.seconds),
    // Without an app id only local tools can reach the bot: they serve attached files over local http.
    attachments: { ...DEFAULT_ATTACHMENT_POLICY, local: config.auth.MicrosoftAppId === '' },
  });
  const adapter = createAdapter(config.auth, log);
  try {
    const server = await startServer(
      {
        adapter,
        onTurn: (context) => bot.run(context),
        version: pkg.version,
        localMode: config.localMode,
        log,
        ready: readiness(store, log),
        metrics,
      },
      { port: config.port, host: config.host },
    );
    return {
      ok: true,
      app: {
        port: server.port,
        address: server.address,
        close: async () => {
          await server.close();
          await release();
        },
      },
    };
  } catch (err) {
    await release();
    return { ok: false, error: `server: cannot listen on ${config.host ?? 'every interface'} port ${config.port}: ${err instanceof Error ? err.message : String(err)}` };
  }
}

type Opened = { ok: true; store: PolicyStore; shared: { pool: ReturnType<typeof connectPostgres> } | undefined } | { ok: false; error: string };

/** DATABASE_URL chooses PostgreSQL (several bot processes on one store; the POLICY_DB file is then not touched), with one pool for the store and the confirmations. */
async function openConfiguredStore(config: Config, seedFile: string, log: Logger): Promise<Opened> {
  const url = config.databaseUrl;
  if (url === undefined) {
    const opened = await openStore({ file: config.policyDb, seedFile, plan });
    return opened.ok ? { ...opened, shared: undefined } : opened;
  }
  const pool = connectPostgres(url, { onIdleError: (reason) => log.warn('store: postgres: an idle connection failed (it is replaced)', { reason }) });
  const opened = await openPostgresStore({ url, pool, seedFile, plan });
  if (!opened.ok) {
    await pool.end().catch(() => undefined);
    return opened;
  }
  return { ok: true, store: opened.store, shared: { pool } };
}
