import { createAdapter, FederationBot, PendingChanges } from './bot';
import { DEFAULT_ATTACHMENT_POLICY } from './bot/attachments';
import type { Config } from './config';
import type { Logger } from './ops/logger';
import { createMetrics } from './ops/metrics';
import { observedStore } from './ops/observedStore';
import { createLogger } from './ops/pinoLogger';
import { readiness } from './ops/readiness';
import { plan } from './policy';
import { startServer } from './server';
import { openPostgresStore, openStore } from './store';
import pkg from '../package.json';

export interface AppOptions {
  /** The demo store copied to `config.policyDb` when that file is missing (or into an empty database). */
  seedFile: string;
  clock?: () => Date;
  /** Where the app logs; JSON lines on standard output at `config.logLevel` when absent. */
  logger?: Logger;
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
  // DATABASE_URL chooses PostgreSQL (several bot processes on one store); the POLICY_DB file is then not touched.
  const opened =
    config.databaseUrl !== undefined
      ? await openPostgresStore({
          url: config.databaseUrl,
          seedFile: options.seedFile,
          plan,
          onIdleError: (reason) => log.warn('store: postgres: an idle connection failed (it is replaced)', { reason }),
        })
      : await openStore({ file: config.policyDb, seedFile: options.seedFile, plan });
  if (!opened.ok) return { ok: false, error: opened.error };
  const pending = new PendingChanges();
  // A registry per app: tests run several apps in one process.
  const metrics = config.metrics ? createMetrics({ pendingConfirmations: () => pending.size(), storeSize: () => opened.store.size() }) : undefined;
  const store = observedStore(opened.store, { commitEnded: (result, seconds) => metrics?.commitEnded(result, seconds) }, log);
  const bot = new FederationBot({
    store,
    botAdmins: config.botAdmins,
    identity: { localMode: config.localMode, trustedChannels: config.trustedChannels },
    pending,
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
          await store.close();
        },
      },
    };
  } catch (err) {
    await store.close();
    return { ok: false, error: `server: cannot listen on ${config.host ?? 'every interface'} port ${config.port}: ${err instanceof Error ? err.message : String(err)}` };
  }
}
