import type { AuditEntry, HistoryPage } from './types';

/**
 * The audit log in memory (the entries the audit files keep), indexed by organization and by id.
 * Append-only; entries are frozen. Entries of a batch being written are appended first (undo in the
 * same batch must see them) and become visible to `history`/`lastChange` only once on disk; a failed
 * write truncates them away. Positions (`length`, `since`, `truncate`) count every entry ever
 * appended, so they stay valid when the oldest entries leave with a rotated-out file.
 */
export class AuditLog {
  readonly #entries: AuditEntry[] = [];
  /** How many entries left from the front. */
  #base = 0;
  readonly #byOrg = new Map<string, AuditEntry[]>();
  readonly #byId = new Map<string, { entry: AuditEntry; index: number }>();
  readonly #undoneBy = new Map<string, AuditEntry>();
  #visible = 0;

  constructor(entries: readonly AuditEntry[]) {
    for (const entry of entries) this.append(entry);
    this.publish();
  }

  /** Every entry, including those of the batch being written. */
  get length(): number {
    return this.#base + this.#entries.length;
  }

  /** The entries from `start` on (a batch). */
  since(start: number): AuditEntry[] {
    return this.#entries.slice(Math.max(0, start - this.#base));
  }

  append(entry: AuditEntry): void {
    this.#byId.set(entry.id, { entry, index: this.length });
    this.#entries.push(entry);
    const list = this.#byOrg.get(entry.orgId);
    if (list === undefined) this.#byOrg.set(entry.orgId, [entry]);
    else list.push(entry);
    if (entry.undoes !== undefined) this.#undoneBy.set(entry.undoes, entry);
  }

  /** Everything appended is on disk now. */
  publish(): void {
    this.#visible = this.length;
  }

  /** Forget the `count` oldest entries (their file was rotated out); returns them. */
  dropOldest(count: number): AuditEntry[] {
    const dropped = this.#entries.splice(0, Math.min(count, this.#entries.length));
    this.#base += dropped.length;
    const perOrg = new Map<string, number>();
    for (const entry of dropped) {
      this.#byId.delete(entry.id);
      if (entry.undoes !== undefined && this.#undoneBy.get(entry.undoes) === entry) this.#undoneBy.delete(entry.undoes);
      perOrg.set(entry.orgId, (perOrg.get(entry.orgId) ?? 0) + 1);
    }
    for (const [orgId, n] of perOrg) {
      const list = this.#byOrg.get(orgId)!;
      list.splice(0, n);
      if (list.length === 0) this.#byOrg.delete(orgId);
    }
    return dropped;
  }

  /** Forget the entries from `length` on (their write failed). */
  truncate(length: number): void {
    while (this.length > length && this.#entries.length > 0) {
      const entry = this.#entries.pop()!;
      this.#byId.delete(entry.id);
      this.#byOrg.get(entry.orgId)?.pop();
      if (entry.undoes !== undefined && this.#undoneBy.get(entry.undoes) === entry) this.#undoneBy.delete(entry.undoes);
    }
    this.#visible = Math.min(this.#visible, length);
  }

  get(id: string): AuditEntry | undefined {
    return this.#byId.get(id)?.entry;
  }

  undoneBy(id: string): AuditEntry | undefined {
    return this.#undoneBy.get(id);
  }

  /** Entries of the organization, oldest first; `visibleOnly` leaves out those not yet on disk. */
  ofOrg(orgId: string, visibleOnly = false): readonly AuditEntry[] {
    const list = this.#byOrg.get(orgId) ?? [];
    if (!visibleOnly) return list;
    let end = list.length;
    while (end > 0 && this.#byId.get(list[end - 1]!.id)!.index >= this.#visible) end--;
    return end === list.length ? list : list.slice(0, end);
  }

  /** `page` counts from 0; newest first. */
  history(orgId: string, page: number, pageSize: number): HistoryPage {
    const all = this.ofOrg(orgId, true);
    const size = Math.max(1, Math.floor(pageSize));
    const p = Math.max(0, Math.floor(page));
    const end = all.length - p * size;
    const entries = end <= 0 ? [] : all.slice(Math.max(0, end - size), end).reverse();
    return { entries, page: p, pageSize: size, total: all.length };
  }
}
