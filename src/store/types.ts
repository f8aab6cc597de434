import type { Change } from '../policy/change';
import type { PolicyModel } from '../policy/model';
import type { Actor, Plan, PlanResult } from '../policy/types';
import type { ListDelta } from './listDelta';

/** One audited change. */
export interface AuditEntry {
  id: string;
  /** ISO 8601. */
  time: string;
  actor: { address: string; displayName?: string; objectId?: string };
  orgId: string;
  /** The request as the person typed it (or the card action that asked). */
  request: string;
  change: Change;
  summary: string;
  touched: string[];
  /** Values of the touched paths before and after, except those in `lists`. */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /**
   * Long lists by path: only what changed, not both whole lists. The path is a touched path (a list
   * setting, "settings.blockedDomains") or a touched path and a field of the object there
   * ("policies.Sales.blockedExternalDomains"); the object in `before`/`after` then leaves that field out.
   */
  lists?: Record<string, ListDelta>;
  /**
   * Paths whose values a restore `change` leaves out: they are the after values, which `lists`
   * records (so a restore of a long list is not written again in the change).
   */
  elided?: string[];
  /** Set when this entry undid another. */
  undoes?: string;
  /**
   * The change that puts back what this one touched (the plan's `inverse`), recorded only when it is
   * not simply `before` as a restore change; undo applies this, or else the restore of `before`.
   */
  inverse?: Change;
}

export interface HistoryPage {
  entries: AuditEntry[];
  page: number;
  pageSize: number;
  total: number;
}

export type CommitResult =
  | { ok: true; entry: AuditEntry; model: PolicyModel }
  | { ok: false; reason: string; /** The model changed since the plan was made: re-plan. */ stale?: boolean };

/**
 * Asked inside the write queue with the model the change is about to be applied to and the plan made
 * there: false means the change no longer does what the person confirmed, and the commit (or undo)
 * answers `{ ok: false, stale: true }` without writing. The store only calls it; the bot decides.
 */
export type StillAsShown = (before: PolicyModel, plan: Plan) => boolean;

/** Whether the store can take a write now; the reason names the file (for the log, not for a probe's answer). */
export type StoreHealth = { ok: true } | { ok: false; reason: string };

/** Whether the snapshot could be brought up to the shared store; the reason is for the log. */
export type SyncResult = { ok: true } | { ok: false; reason: string };

export interface StoreSize {
  organizations: number;
  /** Bytes of the state file (not of the audit log beside it). */
  bytes: number;
}

/**
 * A plan the caller already made of this very change (`result.plan.change` is the `change` given)
 * against `model`: the queue uses it instead of planning again when its model is still that object
 * (models are immutable, so the plan would come out the same), and plans afresh otherwise.
 */
export interface PlannedChange {
  model: PolicyModel;
  result: Extract<PlanResult, { ok: true }>;
}

/** An undo's answer: on success also the plan applied and the entry it undid (what its card names). */
export type UndoResult = CommitResult & { plan?: Plan; undid?: AuditEntry };

export type UndoPreview = { ok: true; entry: AuditEntry; plan: Plan } | { ok: false; reason: string };

/**
 * The policy store. Every read-modify-write goes through one serialized queue; a change is
 * acknowledged only after it is durably on disk.
 */
export interface PolicyStore {
  /** The current model (immutable snapshot; never mutate). */
  read(): PolicyModel;
  /**
   * Brings the snapshot `read`, `history`, `lastChange` and `previewUndo` answer from up to what the
   * shared store holds (changes other processes committed); the bot calls it as a turn begins. A
   * store with one writer (lowdb) is always up to date. Never throws: a failure is a value.
   */
  sync(): Promise<SyncResult>;
  /** Monotonic revision, bumped by every commit; plans remember it to detect a changed store. */
  revision(): number;
  /**
   * Re-plans `change` against the latest model inside the queue and commits it with an audit entry.
   * `stillAsShown` (given the model before the change and the plan made there) refuses it as
   * `{ ok: false, stale: true }` when it is no longer what was previewed: the one staleness rule.
   * `planned` spares the re-planning when nothing was committed since it was made.
   */
  commit(input: {
    change: Change;
    actor: Actor;
    request: string;
    now: Date;
    stillAsShown?: StillAsShown;
    planned?: PlannedChange;
  }): Promise<CommitResult>;
  /** Newest first; `page` counts from 0; `pageSize` defaults to 10. */
  history(orgId: string, page: number, pageSize?: number): HistoryPage;
  lastChange(orgId: string): AuditEntry | undefined;
  /** Undo the latest change of the organization (or a given entry), through the policy engine. */
  undo(input: { orgId: string; entryId?: string; actor: Actor; request: string; now: Date; stillAsShown?: StillAsShown }): Promise<UndoResult>;
  /** What `undo` would do now (which entry, and the plan of putting it back), changing nothing. */
  previewUndo(input: { orgId: string; entryId?: string; actor: Actor; now: Date }): UndoPreview;
  /** A cheap check that a write could succeed now (still the one writer, its folder writable); changes nothing. */
  health(): Promise<StoreHealth>;
  /** How big the store is, for metrics. */
  size(): Promise<StoreSize>;
  /** Waits for queued writes and releases the lock. */
  close(): Promise<void>;
}
