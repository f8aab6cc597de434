import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PolicyModel } from '../policy/model';
import type { Actor, PlanResult } from '../policy/types';
import { auditEntry } from './auditEntry';
import type { AuditFile } from './auditFile';
import { AuditLog } from './auditLog';
import { BatchQueue } from './batchQueue';
import { deepFreeze, freezeModelBeside } from './deepFreeze';
import { CURRENT_SCHEMA_VERSION } from './fileSchema';
import type { AuditLine, StoreFile } from './fileSchema';
import type { HeldLock } from './lockFile';
import type { Planner } from './planner';
import { notAsShown, planUndo } from './planUndo';
import type { PlannedUndo } from './planUndo';
import { RenamedNotFlushed } from './storeFileAdapter';
import type { StateFileWriter } from './storeFileAdapter';
import type { AuditEntry, CommitResult, HistoryPage, PolicyStore, StoreHealth, StoreSize, SyncResult, UndoPreview, UndoResult } from './types';
import { WriteValidator } from './validateFile';

export interface LowdbStoreDeps {
  file: string;
  /** The state file as loaded, and how it is written (lowdb's adapter, `StoreFileAdapter`). */
  data: StoreFile;
  state: StateFileWriter;
  /** The append-only audit file and the lines it kept (oldest first). */
  audit: Pick<AuditFile, 'full' | 'rotateIfFull' | 'append' | 'rollback' | 'close'>;
  auditLines: readonly AuditLine[];
  lock: HeldLock;
  plan: Planner;
  newId: () => string;
  validation: 'incremental' | 'full';
}

type CommitInput = Parameters<PolicyStore['commit']>[0];
type UndoInput = Parameters<PolicyStore['undo']>[0];

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
 * `PolicyStore` on a lowdb `JSONFile` plus an append-only audit file. Every change goes through one
 * queue: re-planned against the latest model, validated, its audit entry appended to the audit file,
 * then the state file replaced atomically (temp file + rename, see `StoreFileAdapter`), and only then acknowledged.
 * Changes that queue up while a write is in flight share the next write (one append, one rename).
 */
export class LowdbPolicyStore implements PolicyStore {
  readonly #deps: LowdbStoreDeps;
  readonly #queue = new BatchQueue<Job>((batch) => this.#processBatch(batch));
  readonly #validator: WriteValidator;
  readonly #log: AuditLog;
  #model: PolicyModel;
  #revision: number;
  #closing: Promise<void> | undefined;
  /** Set when writing must stop for good (the lock was lost, or a failed batch could not be taken back). */
  #broken: string | undefined;
  /** The state file's size at the last successful look (kept when a look fails). */
  #bytes = 0;

  constructor(deps: LowdbStoreDeps) {
    this.#deps = deps;
    const data = deepFreeze(deps.data);
    const entries = deps.auditLines.map((line) => deepFreeze(line.entry));
    this.#model = { organizations: data.organizations };
    this.#revision = data.revision;
    this.#log = new AuditLog(entries);
    this.#validator = new WriteValidator(deps.validation);
    this.#validator.accept(data, entries);
  }

  read(): PolicyModel {
    return this.#model;
  }

  revision(): number {
    return this.#revision;
  }

  /** The one writer of its file: what it holds is always the latest. */
  sync(): Promise<SyncResult> {
    return Promise.resolve({ ok: true });
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

  /**
   * A stat and a read of the lock file plus an access check of the folder (where every write
   * renames its temp file): cheap enough for a readiness probe every few seconds.
   */
  async health(): Promise<StoreHealth> {
    const { file, lock } = this.#deps;
    if (this.#closing) return { ok: false, reason: `store: ${file} is closed (the bot is shutting down)` };
    if (this.#broken !== undefined) return { ok: false, reason: this.#broken };
    const lockProblem = await lock.check();
    if (lockProblem !== undefined) return { ok: false, reason: lockProblem };
    return access(dirname(file), constants.W_OK).then(
      () => ({ ok: true }),
      (err: Error) => ({ ok: false, reason: `store: ${file}: its folder is not writable: ${err.message}` }),
    );
  }

  async size(): Promise<StoreSize> {
    this.#bytes = await stat(this.#deps.file).then((s) => s.size, () => this.#bytes);
    return { organizations: this.#model.organizations.length, bytes: this.#bytes };
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.#queue.drain();
      await this.#deps.audit.close().catch(() => undefined);
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
    // The lock's stat runs on the thread pool while the batch is planned; it is awaited before anything is written.
    const lockCheck = this.#broken === undefined ? this.#checkLock() : Promise.resolve(this.#broken);
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
      const saved = await this.#save(lockCheck, working.model, working.revision, this.#log.since(start));
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
      const given = input.planned;
      // The caller's plan of this very change against this very model: planning again would give the same.
      const reuse = given !== undefined && given.model === working.model && given.result.plan.change === input.change;
      const planned = reuse ? given.result : this.#deps.plan(working.model, input.change, input.actor, input.now);
      if (!planned.ok) return { ok: false, reason: planned.reason };
      if (input.stillAsShown && !input.stillAsShown(working.model, planned.plan)) return notAsShown();
      return this.#record(planned, input, working);
    }
    const undo = this.#planUndo(working.model, input);
    if (!undo.ok) return undo;
    if (input.stillAsShown && !input.stillAsShown(working.model, undo.planned.plan)) return notAsShown();
    const result = this.#record(undo.planned, input, working, undo.entry.id);
    return result.ok ? { ...result, plan: undo.planned.plan, undid: undo.entry } : result;
  }

  #planUndo(model: PolicyModel, input: { orgId: string; entryId?: string; actor: Actor; now: Date }): PlannedUndo {
    return planUndo(this.#deps.plan, this.#log, model, input);
  }

  #record(planned: Extract<PlanResult, { ok: true }>, input: { actor: Actor; request: string; now: Date }, working: Working, undoes?: string): CommitResult {
    const entry = deepFreeze(auditEntry(this.#deps.newId(), planned.plan, input, undoes));
    // A new model object per change, even an empty one: the policy engine caches indexes per model object.
    const model = freezeModelBeside(planned.next === working.model ? { ...planned.next } : planned.next, working.model);
    const valid = this.#validator.check(model.organizations, entry, () => this.#file(model, working.revision + 1));
    if (!valid.ok) return { ok: false, reason: `store: ${this.#deps.file}: refusing to write ${valid.problem}` };
    this.#log.append(entry);
    working.model = model;
    working.revision++;
    return { ok: true, entry, model };
  }

  /**
   * Audit first, then state: the entries are appended with the revisions they produce while the next
   * state file (at the batch's last revision) is written to the temp file, which nothing reads; only
   * once both are done is the temp file renamed over the state file. A crash before the rename leaves
   * entries newer than the state, cut off on the next open (and a stale temp file, removed then); a
   * failed append or state write takes the batch back out here. Nothing is written, not even the temp
   * file (another process may be writing it), before the lock is known to be still ours.
   */
  async #save(lockCheck: Promise<string | undefined>, model: PolicyModel, revision: number, entries: readonly AuditEntry[]): Promise<{ ok: true } | { ok: false; reason: string }> {
    const lockProblem = this.#broken ?? (await lockCheck);
    if (lockProblem !== undefined) {
      this.#broken = lockProblem;
      return { ok: false, reason: lockProblem };
    }
    const { state, file } = this.#deps;
    const next = this.#file(model, revision);
    const first = revision - entries.length + 1;
    // The append first: its I/O is under way while the temp file is opened and the state serialized.
    const appending = this.#append(entries.map((entry, i) => ({ revision: first + i, entry })));
    const writing = state.writeTemp(next);
    const [appended, written] = await Promise.allSettled([appending, writing]);
    if (appended.status === 'rejected') {
      return this.#takeBack(`store: ${file}: could not append to the audit log: ${(appended.reason as Error).message}`, undefined, entries.length);
    }
    const mark = appended.value;
    try {
      if (written.status === 'rejected') throw written.reason;
      await state.replace(next);
      return { ok: true };
    } catch (err) {
      if (err instanceof RenamedNotFlushed) {
        // The state file holds the batch: it is acknowledged as written, and nothing more is written.
        this.#broken = `store: ${file}: stopped writing: the disk did not confirm the last write (${err.message}); restart the bot`;
        return { ok: true };
      }
      return this.#takeBack(`store: ${file}: could not save the change: ${(err as Error).message}`, mark, entries.length);
    }
  }

  /**
   * Appends the batch's lines (a full audit file rotated first); returns the mark to roll back to. The
   * append is under way when this returns, unless the file is rotated first.
   */
  async #append(lines: AuditLine[]): Promise<number> {
    const { audit } = this.#deps;
    if (audit.full) {
      const dropped = await audit.rotateIfFull();
      if (dropped > 0) this.#validator.forget(this.#log.dropOldest(dropped));
    }
    return audit.append(lines);
  }

  /** The lock still ours (undefined), or the store error to stop with; a check that throws counts as lost. */
  #checkLock(): Promise<string | undefined> {
    return this.#deps.lock.check().catch((err: Error) => `store: the lock file ${this.#deps.lock.path} could not be checked (${err.message}); not writing`);
  }

  /** Takes a failed batch's lines out of the audit file; if even that fails, stops writing. */
  async #takeBack(reason: string, mark: number | undefined, entries: number): Promise<{ ok: false; reason: string }> {
    if (mark === undefined) return { ok: false, reason };
    try {
      await this.#deps.audit.rollback(mark, entries);
    } catch (err) {
      this.#broken = `store: ${this.#deps.file}: stopped writing: a failed change could not be taken back out of the audit log (${(err as Error).message}); restart the bot`;
    }
    return { ok: false, reason };
  }

  #file(model: PolicyModel, revision: number): StoreFile {
    return { schemaVersion: CURRENT_SCHEMA_VERSION, revision, organizations: model.organizations };
  }
}
