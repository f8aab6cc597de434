import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What the gauges read at scrape time. */
export interface MetricSources {
  /** May ask a database: read at scrape time, awaited. */
  pendingConfirmations: () => Promise<number>;
  storeSize: () => Promise<{ organizations: number; bytes: number }>;
}

export interface AppMetrics {
  /** Prometheus text format of every metric of this app. */
  render(): Promise<string>;
  contentType: string;
  turnEnded(kind: string, result: string, seconds: number): void;
  /** A store commit or undo, by result: ok, stale (re-previewed) or failed. */
  commitEnded(result: 'ok' | 'stale' | 'failed', seconds: number): void;
}

/**
 * The app's metrics in a registry of its own (tests run several apps in one process, and the
 * default global registry would mix them). Labels are bounded sets (command kinds, outcomes): never
 * an address, a domain, a path or a conversation.
 */
export function createMetrics(sources: MetricSources): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'federation_assistant_' });
  const turns = new Counter({
    name: 'federation_assistant_turns_total',
    help: 'Turns handled, by kind of request and outcome (answered, previewed, confirmed, refused, error).',
    labelNames: ['kind', 'result'] as const,
    registers: [registry],
  });
  const turnSeconds = new Histogram({
    name: 'federation_assistant_turn_duration_seconds',
    help: 'Time from the start of a turn to its last reply.',
    labelNames: ['kind'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const commitSeconds = new Histogram({
    name: 'federation_assistant_store_commit_duration_seconds',
    help: 'Time of a store commit or undo, from the call to its durable acknowledgement, by result.',
    labelNames: ['result'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  new Gauge({
    name: 'federation_assistant_pending_confirmations',
    help: 'Previews waiting for Confirm (of every process when they are kept in the database).',
    registers: [registry],
    async collect() {
      this.set(await sources.pendingConfirmations());
    },
  });
  new Gauge({
    name: 'federation_assistant_store_organizations',
    help: 'Organizations in the policy store.',
    registers: [registry],
    async collect() {
      this.set((await sources.storeSize()).organizations);
    },
  });
  new Gauge({
    name: 'federation_assistant_store_bytes',
    help: 'Size of the policy store state file, in bytes (the audit log beside it not counted).',
    registers: [registry],
    async collect() {
      this.set((await sources.storeSize()).bytes);
    },
  });
  return {
    render: () => registry.metrics(),
    contentType: registry.contentType,
    turnEnded(kind, result, seconds) {
      turns.inc({ kind, result });
      turnSeconds.observe({ kind }, seconds);
    },
    commitEnded(result, seconds) {
      commitSeconds.observe({ result }, seconds);
    },
  };
}
