import type { AuditEntry, HistoryPage } from './types';

/**
 * The audit log in memory, indexed by organization and by id. Append-only; entries are frozen.
 * Entries of a batch being written are appended first (undo in the same batch must see them) and
 * become visible to `history`/`lastChange` only once on disk; a failed write truncates them away.
 */
export class AuditLog {
  readonly #entries: AuditEntry[] = [];
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
    return this.#entries.length;
  }

  /** The entries from `start` on (a batch). */
  since(start: number): AuditEntry[] {
    return this.#entries.slice(start);
  }

  /** A copy of all entries, for the file being written. */
  all(): AuditEntry[] {
    return this.#entries.slice();
  }

  append(entry: AuditEntry): void {
    this.#byId.set(entry.id, { entry, index: this.#entries.length });
    this.#entries.push(entry);
    const list = this.#byOrg.get(entry.orgId);
    if (list === undefined) this.#byOrg.set(entry.orgId, [entry]);
    else list.push(entry);
    if (entry.undoes !== undefined) this.#undoneBy.set(entry.undoes, entry);
  }

  /** Everything appended is on disk now. */
  publish(): void {
    this.#visible = this.#entries.length;
  }

  /** Forget the entries from `length` on (their write failed). */
  truncate(length: number): void {
    while (this.#entries.length > length) {
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
