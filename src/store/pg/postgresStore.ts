import type { Pool, PoolClient } from 'pg';
import type { Organization, PolicyModel } from '../../policy/model';
import type { Plan, PlanResult } from '../../policy/types';
import { auditEntry } from '../auditEntry';
import { deepFreeze, freezeModelBeside } from '../deepFreeze';
import { CURRENT_SCHEMA_VERSION } from '../fileSchema';
import type { AuditLine, StoreFile } from '../fileSchema';
import type { Planner } from '../planner';
import { notAsShown, planUndo } from '../planUndo';
import type { AuditEntry, CommitResult, HistoryPage, PolicyStore, StoreHealth, StoreSize, SyncResult, UndoPreview, UndoResult } from '../types';
import { safeMessage } from './connect';
import { readDelta, writeChange } from './rows';
import { Snapshot, withOrg } from './snapshot';
import { validateDelta } from './validateDelta';

export interface PostgresStoreDeps {
  pool: Pool;
  /** The database's URL: only to keep its password out of messages. */
  url: string;
  /** "host:port/database", for messages. */
  target: string;
  /** Whether `close` ends the pool (false when the caller shares it). */
  ownsPool: boolean;
  plan: Planner;
  newId: () => string;
  validation: 'incremental' | 'full';
  /** The whole store as loaded and validated at open. */
  state: { revision: number; organizations: PolicyModel['organizations'] };
  lines: readonly AuditLine[];
}

type CommitInput = Parameters<PolicyStore['commit']>[0];
type UndoInput = Parameters<PolicyStore['undo']>[0];
type Job = ({ kind: 'commit' } & CommitInput) | ({ kind: 'undo' } & UndoInput);

/** A change decided inside its transaction, ready to write. */
interface Decided {
  entry: AuditEntry;
  /** The organization as changed; undefined when the change left it as it was. */
  org: Organization | undefined;
  plan: Plan | undefined;
  /** For an undo: the entry it undid. */
  undid?: AuditEntry;
}

type Refusal = Extract<CommitResult, { ok: false }>;

const HEALTH_TIMEOUT_MS = 2000;

const refusedAsShown = () => notAsShown() as Extract<CommitResult, { ok: false }>;

/**
 * `PolicyStore` on PostgreSQL, shared by several bot processes. Each process keeps an immutable
 * snapshot (model + audit log) so reads stay synchronous; `sync` brings it up to the database (one
 * query; only what changed since). A change is one transaction: lock its organization's row, bring
 * the snapshot up to date (nobody else can change that organization now), plan, check, validate,
 * write the row and the audit row, bump the revision last, COMMIT; only then is it acknowledged and
 * put into the snapshot. Concurrent changes of one organization wait on its row lock; changes of
 * different organizations run side by side and queue only on the revision bump (held from the last
 * statement until COMMIT is on disk: that step passes one commit at a time).
 */
export class PostgresPolicyStore implements PolicyStore {
  readonly #deps: PostgresStoreDeps;
  readonly #snap: Snapshot;
  readonly #inFlight = new Set<Promise<unknown>>();
  #closing: Promise<void> | undefined;
  #bytes = 0;

  constructor(deps: PostgresStoreDeps) {
    this.#deps = deps;
    this.#snap = new Snapshot(deps.state, deps.lines, deps.validation);
  }

  read(): PolicyModel {
    return this.#snap.model;
  }

  revision(): number {
    return this.#snap.revision;
  }

  async sync(): Promise<SyncResult> {
    if (this.#closing) return { ok: false, reason: this.#closedReason() };
    try {
      return await this.#refresh(this.#deps.pool);
    } catch (err) {
      return { ok: false, reason: `store: postgres ${this.#deps.target} is unreachable: ${this.#message(err)}` };
    }
  }

  commit(input: CommitInput): Promise<CommitResult> {
    return this.#track(this.#transaction({ kind: 'commit', ...input }));
  }

  undo(input: UndoInput): Promise<UndoResult> {
    return this.#track(this.#transaction({ kind: 'undo', ...input }));
  }

  previewUndo(input: Parameters<PolicyStore['previewUndo']>[0]): UndoPreview {
    const planned = planUndo(this.#deps.plan, this.#snap.log, this.#snap.model, input);
    return planned.ok ? { ok: true, entry: planned.entry, plan: planned.planned.plan } : planned;
  }

  history(orgId: string, page: number, pageSize = 10): HistoryPage {
    return this.#snap.log.history(orgId, page, pageSize);
  }

  lastChange(orgId: string): AuditEntry | undefined {
    const entries = this.#snap.log.ofOrg(orgId, true);
    return entries[entries.length - 1];
  }

  /** `SELECT 1` within two seconds (a probe must not hang on a dead server). */
  async health(): Promise<StoreHealth> {
    if (this.#closing) return { ok: false, reason: this.#closedReason() };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<StoreHealth>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, reason: `store: postgres ${this.#deps.target} did not answer within ${HEALTH_TIMEOUT_MS} ms` }), HEALTH_TIMEOUT_MS);
    });
    const probe = this.#deps.pool.query('SELECT 1').then(
      (): StoreHealth => ({ ok: true }),
      (err: unknown): StoreHealth => ({ ok: false, reason: `store: postgres ${this.#deps.target} is unreachable: ${this.#message(err)}` }),
    );
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The organizations table's size on disk (the state, as `bytes` is the state file's for lowdb). */
  async size(): Promise<StoreSize> {
    this.#bytes = await this.#deps.pool.query<{ bytes: string }>("SELECT pg_total_relation_size('organizations')::text AS bytes").then(
      (r) => Number(r.rows[0]?.bytes ?? this.#bytes),
      () => this.#bytes,
    );
    return { organizations: this.#snap.model.organizations.length, bytes: this.#bytes };
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
      if (this.#deps.ownsPool) await this.#deps.pool.end().catch(() => undefined);
    })();
    return this.#closing;
  }

  #track<R>(work: Promise<R>): Promise<R> {
    this.#inFlight.add(work);
    const done = () => this.#inFlight.delete(work);
    work.then(done, done);
    return work;
  }

  async #transaction(job: Job): Promise<UndoResult> {
    if (this.#closing) return { ok: false, reason: `${this.#closedReason()}.` };
    const orgId = job.kind === 'commit' ? job.change.org : job.orgId;
    let client: PoolClient;
    try {
      client = await this.#deps.pool.connect();
    } catch (err) {
      return { ok: false, reason: `store: postgres ${this.#deps.target} is unreachable: ${this.#message(err)}` };
    }
    let decided: Decided | undefined;
    let revision = 0;
    try {
      await client.query('BEGIN');
      await client.query('SELECT id FROM organizations WHERE id = $1 FOR UPDATE', [orgId]);
      const refreshed = await this.#refresh(client);
      if (!refreshed.ok) return await this.#abandon(client, refreshed);
      let outcome: Decided | Refusal;
      try {
        outcome = this.#decide(job, orgId);
      } catch (bug) {
        // A bug of the planner (it threw) rejects that change only, as in the lowdb store.
        await this.#abandon(client, { ok: false, reason: '' });
        throw new PlannerBug(bug);
      }
      if (!('entry' in outcome)) return await this.#abandon(client, outcome);
      decided = outcome;
      revision = await writeChange(client, { orgId, org: outcome.org, entryId: outcome.entry.id, entry: outcome.entry });
    } catch (err) {
      if (err instanceof PlannerBug) throw err.cause;
      if (decided) this.#snap.validator.forget([decided.entry]);
      await client.query('ROLLBACK').catch(() => undefined);
      client.release(true);
      return { ok: false, reason: `store: postgres ${this.#deps.target}: could not save the change: ${this.#message(err)}` };
    }
    if (decided === undefined) throw new Error('unreachable: a transaction went on without a decision');
    try {
      await client.query('COMMIT');
    } catch (err) {
      client.release(true);
      return this.#afterLostCommit(decided, orgId, err);
    }
    const result = await this.#publish(client, revision, orgId, decided);
    client.release();
    return result;
  }

  /** Ends a transaction that decided not to write, with the answer it decided on. */
  async #abandon(client: PoolClient, result: { ok: false; reason: string; stale?: boolean }): Promise<UndoResult> {
    await client.query('ROLLBACK').then(
      () => client.release(),
      () => client.release(true),
    );
    return result;
  }

  /**
   * The connection broke during COMMIT: the change may or may not be in. Its audit row says which
   * (its id is unique); when even that cannot be asked, the answer says so instead of guessing.
   */
  async #afterLostCommit(decided: Decided, orgId: string, err: unknown): Promise<UndoResult> {
    const found = await this.#deps.pool.query<{ revision: string }>('SELECT revision::text AS revision FROM audit WHERE id = $1', [decided.entry.id]).then(
      (r) => r.rows[0]?.revision,
      () => null,
    );
    if (typeof found === 'string') return this.#publish(this.#deps.pool, Number(found), orgId, decided);
    this.#snap.validator.forget([decided.entry]);
    if (found === undefined) return { ok: false, reason: `store: postgres ${this.#deps.target}: could not save the change: ${this.#message(err)}` };
    return {
      ok: false,
      reason: `store: postgres ${this.#deps.target}: the connection broke while saving the change (${this.#message(err)}); whether it was saved is not known: look at the history before trying again`,
    };
  }

  /** Puts a committed change into the snapshot (or reads up to it when others committed in between) and answers. */
  async #publish(db: Pick<Pool, 'query'>, revision: number, orgId: string, decided: Decided): Promise<UndoResult> {
    if (!this.#snap.applyOwn(revision, orgId, decided.org, decided.entry)) await this.#refresh(db).catch(() => undefined);
    // The snapshot may still be behind if that read failed: the answer shows the change anyway.
    const model = this.#snap.revision >= revision ? this.#snap.model : withOrg(this.#snap.model, orgId, decided.org);
    const result: CommitResult = { ok: true, entry: decided.entry, model };
    return { ...result, ...(decided.plan !== undefined && { plan: decided.plan }), ...(decided.undid !== undefined && { undid: decided.undid }) };
  }

  /** Plans and checks the job against the (just refreshed) snapshot; a refusal, or what to write. */
  #decide(job: Job, orgId: string): Decided | Refusal {
    const model = this.#snap.model;
    if (job.kind === 'commit') {
      const given = job.planned;
      const reuse = given !== undefined && given.model === model && given.result.plan.change === job.change;
      const planned = reuse ? given.result : this.#deps.plan(model, job.change, job.actor, job.now);
      if (!planned.ok) return { ok: false, reason: planned.reason };
      if (job.stillAsShown && !job.stillAsShown(model, planned.plan)) return refusedAsShown();
      return this.#record(planned, job, orgId);
    }
    const undo = planUndo(this.#deps.plan, this.#snap.log, model, job);
    if (!undo.ok) return undo;
    if (job.stillAsShown && !job.stillAsShown(model, undo.planned.plan)) return refusedAsShown();
    const recorded = this.#record(undo.planned, job, orgId, undo.entry.id);
    return 'entry' in recorded ? { ...recorded, plan: undo.planned.plan, undid: undo.entry } : recorded;
  }

  #record(planned: Extract<PlanResult, { ok: true }>, input: { actor: CommitInput['actor']; request: string; now: Date }, orgId: string, undoes?: string): Decided | { ok: false; reason: string } {
    const model = this.#snap.model;
    const next = freezeModelBeside(planned.next, model);
    const changed = changedOrganization(model, next, orgId);
    if (!changed.ok) return { ok: false, reason: `store: postgres ${this.#deps.target}: refusing to write: ${changed.problem}` };
    if (planned.plan.orgId !== orgId) return { ok: false, reason: `store: postgres ${this.#deps.target}: refusing to write: a change of ${orgId} planned as one of ${planned.plan.orgId}` };
    const entry = deepFreeze(auditEntry(this.#deps.newId(), planned.plan, input, undoes));
    const file = (): StoreFile => ({ schemaVersion: CURRENT_SCHEMA_VERSION, revision: this.#snap.revision + 1, organizations: next.organizations });
    const valid = this.#snap.validator.check(next.organizations, entry, file);
    if (!valid.ok) return { ok: false, reason: `store: postgres ${this.#deps.target}: refusing to write ${valid.problem}` };
    return { entry, org: changed.org, plan: undefined };
  }

  /** Reads what the database holds beyond the snapshot and takes it in (validated first). */
  async #refresh(db: Pick<Pool, 'query'>): Promise<SyncResult> {
    const known = this.#snap.revision;
    const delta = await readDelta(db, known);
    if (delta === undefined) return { ok: false, reason: `store: postgres ${this.#deps.target}: the store's tables are empty (meta has no row)` };
    if (delta.revision <= this.#snap.revision) return { ok: true };
    const valid = validateDelta(delta);
    if (!valid.ok) return { ok: false, reason: `store: postgres ${this.#deps.target}: ${valid.problem}` };
    this.#snap.absorb(delta, valid.organizations, valid.lines);
    return { ok: true };
  }

  #closedReason(): string {
    return `store: postgres ${this.#deps.target} is closed (the bot is shutting down)`;
  }

  #message(err: unknown): string {
    return safeMessage(err, this.#deps.url);
  }
}

/**
 * The organization a plan changed, if any. Every kind of change names one organization (`org`), and
 * only its row is locked: a plan that changed another, or added or removed one, is refused.
 */
function changedOrganization(before: PolicyModel, next: PolicyModel, orgId: string): { ok: true; org: Organization | undefined } | { ok: false; problem: string } {
  if (next.organizations.length !== before.organizations.length) return { ok: false, problem: `the plan of a change of ${orgId} adds or removes organizations` };
  let org: Organization | undefined;
  for (let i = 0; i < next.organizations.length; i++) {
    const now = next.organizations[i]!;
    const was = before.organizations[i]!;
    if (now === was) continue;
    if (now.id !== orgId || was.id !== orgId) return { ok: false, problem: `the plan of a change of ${orgId} also changes ${was.id}` };
    org = now;
  }
  return { ok: true, org };
}

/** Carries a planner's throw past the database error handling, to reject that one change. */
class PlannerBug {
  constructor(readonly cause: unknown) {}
}
