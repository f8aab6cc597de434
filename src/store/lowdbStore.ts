import type { Low } from 'lowdb';
import type { PolicyModel } from '../policy/model';
import type { Actor, Plan, PlanResult } from '../policy/types';
import { auditEntry } from './auditEntry';
import { AuditLog } from './auditLog';
import { BatchQueue } from './batchQueue';
import { deepFreeze } from './deepFreeze';
import { CURRENT_SCHEMA_VERSION } from './fileSchema';
import type { StoreFile } from './fileSchema';
import type { HeldLock } from './lockFile';
import type { Planner } from './planner';
import type { AuditEntry, CommitResult, HistoryPage, PolicyStore, UndoPreview } from './types';
import { undoTarget } from './undoTarget';
import { WriteValidator } from './validateFile';

export interface LowdbStoreDeps {
  file: string;
  db: Low<StoreFile>;
  lock: HeldLock;
  plan: Planner;
  newId: () => string;
  validation: 'incremental' | 'full';
}

type CommitInput = Parameters<PolicyStore['commit']>[0];
type UndoInput = Parameters<PolicyStore['undo']>[0];
type UndoResult = CommitResult & { plan?: Plan };

/** A queued change: what it is, and how to answer its caller. */
interface Job {
  input: ({ kind: 'commit' } & CommitInput) | ({ kind: 'undo' } & UndoInput);
  resolve: (result: UndoResult) => void;
  reject: (err: unknown) => void;
}

/** The model as changed by the jobs of the batch so far (not yet on disk). */
interface Working {
  model: PolicyModel;
  revision: number;
}

/**
 * `PolicyStore` on a lowdb `JSONFile`. Every change goes through one queue: re-planned against the
 * latest model, validated, written atomically with its audit entry (steno: temp file + rename), and
 * only then acknowledged. Changes that queue up while a write is in flight share the next write.
 */
export class LowdbPolicyStore implements PolicyStore {
  readonly #deps: LowdbStoreDeps;
  readonly #queue = new BatchQueue<Job>((batch) => this.#processBatch(batch));
  readonly #validator: WriteValidator;
  readonly #log: AuditLog;
  #model: PolicyModel;
  #revision = 0;
  #closing: Promise<void> | undefined;

  constructor(deps: LowdbStoreDeps) {
    this.#deps = deps;
    const data = deepFreeze(deps.db.data);
    this.#model = { organizations: data.organizations };
    this.#log = new AuditLog(data.audit);
    this.#validator = new WriteValidator(deps.validation);
    this.#validator.accept(data);
  }

  read(): PolicyModel {
    return this.#model;
  }

  revision(): number {
    return this.#revision;
  }

  commit(input: CommitInput): Promise<CommitResult> {
    return this.#enqueue({ kind: 'commit', ...input });
  }

  undo(input: UndoInput): Promise<UndoResult> {
    return this.#enqueue({ kind: 'undo', ...input });
  }

  previewUndo(input: Parameters<PolicyStore['previewUndo']>[0]): UndoPreview {
    const planned = this.#planUndo(this.#model, input);
    return planned.ok ? { ok: true, entry: planned.entry, plan: planned.planned.plan } : planned;
  }

  history(orgId: string, page: number, pageSize = 10): HistoryPage {
    return this.#log.history(orgId, page, pageSize);
  }

  lastChange(orgId: string): AuditEntry | undefined {
    const entries = this.#log.ofOrg(orgId, true);
    return entries[entries.length - 1];
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.#queue.drain();
      await this.#deps.lock.release();
    })();
    return this.#closing;
  }

  #enqueue(input: Job['input']): Promise<UndoResult> {
    if (this.#closing) return Promise.resolve({ ok: false, reason: `store: ${this.#deps.file} is closed (the bot is shutting down).` });
    return new Promise((resolve, reject) => this.#queue.push({ input, resolve, reject }));
  }

  /** Applies the batch's jobs in order to a working model, writes once, then answers every job. */
  async #processBatch(batch: Job[]): Promise<void> {
    const start = this.#log.length;
    const working: Working = { model: this.#model, revision: this.#revision };
    const answers: Array<() => void> = [];
    const accepted: Array<{ job: Job; result: UndoResult }> = [];
    for (const job of batch) {
      try {
        const result = this.#apply(job.input, working);
        if (result.ok) accepted.push({ job, result });
        else answers.push(() => job.resolve(result));
      } catch (err) {
        answers.push(() => job.reject(err)); // a planner bug: that change only
      }
    }
    if (accepted.length > 0) {
      const saved = await this.#save(working.model);
      if (saved.ok) {
        this.#log.publish();
        this.#model = working.model;
        this.#revision = working.revision;
      } else {
        this.#validator.forget(this.#log.since(start));
        this.#log.truncate(start);
      }
      for (const { job, result } of accepted) answers.push(() => job.resolve(saved.ok ? result : saved));
    }
    for (const answer of answers) answer();
  }

  /** Plans one job against the working model; on success the working model and log move on. */
  #apply(input: Job['input'], working: Working): UndoResult {
    if (input.kind === 'commit') {
      if (input.expectedRevision !== undefined && input.expectedRevision !== working.revision) {
        return { ok: false, stale: true, reason: 'store: the settings changed since this change was planned; plan it again.' };
      }
      const planned = this.#deps.plan(working.model, input.change, input.actor, input.now);
      if (!planned.ok) return { ok: false, reason: planned.reason };
      if (input.stillAsShown && !input.stillAsShown(working.model, planned.plan)) return notAsShown();
      return this.#record(planned, input, working);
    }
    const undo = this.#planUndo(working.model, input);
    if (!undo.ok) return undo;
    if (input.stillAsShown && !input.stillAsShown(working.model, undo.planned.plan)) return notAsShown();
    const result = this.#record(undo.planned, input, working, undo.entry.id);
    return result.ok ? { ...result, plan: undo.planned.plan } : result;
  }

  /** The entry an undo puts back and the plan of doing so against `model`, or why it cannot. */
  #planUndo(
    model: PolicyModel,
    input: { orgId: string; entryId?: string; actor: Actor; now: Date },
  ): { ok: true; entry: AuditEntry; planned: Extract<PlanResult, { ok: true }> } | { ok: false; reason: string } {
    const org = model.organizations.find((o) => o.id === input.orgId);
    const target = undoTarget(this.#log, input.orgId, input.entryId, (path) => settingAt(org, path));
    if (!target.ok) return target;
    const planned = this.#deps.plan(model, target.inverse, input.actor, input.now);
    if (!planned.ok) return { ok: false, reason: `The change "${target.entry.summary}" cannot be undone: ${planned.reason}` };
    return { ok: true, entry: target.entry, planned };
  }

  #record(planned: Extract<PlanResult, { ok: true }>, input: { actor: Actor; request: string; now: Date }, working: Working, undoes?: string): CommitResult {
    const entry = deepFreeze(auditEntry(this.#deps.newId(), planned.plan, input, undoes));
    // A new model object per change, even an empty one: the policy engine caches indexes per model object.
    const model = deepFreeze(planned.next === working.model ? { ...planned.next } : planned.next);
    const valid = this.#validator.check(model.organizations, entry, () => this.#file(model, [...this.#log.all(), entry]));
    if (!valid.ok) return { ok: false, reason: `store: ${this.#deps.file}: refusing to write ${valid.problem}` };
    this.#log.append(entry);
    working.model = model;
    working.revision++;
    return { ok: true, entry, model };
  }

  async #save(model: PolicyModel): Promise<{ ok: true } | { ok: false; reason: string }> {
    const previous = this.#deps.db.data;
    this.#deps.db.data = this.#file(model, this.#log.all());
    try {
      await this.#deps.db.write();
      return { ok: true };
    } catch (err) {
      this.#deps.db.data = previous;
      return { ok: false, reason: `store: ${this.#deps.file}: could not save the change: ${(err as Error).message}` };
    }
  }

  #file(model: PolicyModel, audit: AuditEntry[]): StoreFile {
    return { schemaVersion: CURRENT_SCHEMA_VERSION, organizations: model.organizations, audit };
  }
}

const notAsShown = (): CommitResult => ({ ok: false, stale: true, reason: 'store: the change no longer does what was previewed; preview it again.' });

/** The current value of a "settings.<key>" path of an organization (the only paths kept as list deltas). */
function settingAt(org: PolicyModel['organizations'][number] | undefined, path: string): unknown {
  const key = path.startsWith('settings.') ? path.slice('settings.'.length) : undefined;
  return key !== undefined && org?.settings !== undefined ? (org.settings as Record<string, unknown>)[key] : undefined;
}
