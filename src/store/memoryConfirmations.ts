import { randomUUID } from 'node:crypto';
import {
  CONFIRMATION_TTL_MS,
  DEFAULT_PENDING_LIMITS,
  isExpired,
  type ConfirmationStore,
  type NewPendingChange,
  type PendingChange,
  type PendingLimits,
} from './confirmations';

/**
 * Pending confirmations in this process's memory (the default, beside the lowdb store): lost on
 * restart, which is the safe direction (nothing is applied without a fresh confirmation), and not
 * seen by another process. Every method finishes synchronously inside its promise, so a `take` is
 * atomic: of concurrent takes of one id, the first one gets it.
 */
export class MemoryConfirmationStore implements ConfirmationStore {
  /** Insertion order is age order: the first entry is the oldest. */
  private readonly byId = new Map<string, PendingChange>();

  constructor(private readonly limits: PendingLimits = DEFAULT_PENDING_LIMITS) {}

  async add(input: NewPendingChange, now: Date): Promise<PendingChange> {
    this.sweep(now);
    const mine = [...this.byId.values()].filter((p) => p.actor === input.actor);
    for (const old of mine.slice(0, Math.max(0, mine.length - this.limits.perSender + 1))) this.byId.delete(old.id);
    for (const oldest of this.byId.keys()) {
      if (this.byId.size < this.limits.total) break;
      this.byId.delete(oldest);
    }
    const pending = { ...input, id: randomUUID(), expiresAt: now.getTime() + CONFIRMATION_TTL_MS };
    this.byId.set(pending.id, pending);
    return pending;
  }

  async get(id: string): Promise<PendingChange | undefined> {
    return this.byId.get(id);
  }

  async latestFor(actor: string, conversationId: string): Promise<PendingChange | undefined> {
    let latest: PendingChange | undefined;
    for (const p of this.byId.values()) if (p.actor === actor && p.conversationId === conversationId) latest = p;
    return latest;
  }

  async take(id: string): Promise<PendingChange | undefined> {
    const p = this.byId.get(id);
    this.byId.delete(id);
    return p;
  }

  async size(actor?: string): Promise<number> {
    if (actor === undefined) return this.byId.size;
    let n = 0;
    for (const p of this.byId.values()) if (p.actor === actor) n++;
    return n;
  }

  private sweep(now: Date): void {
    for (const p of this.byId.values()) if (isExpired(p, now)) this.byId.delete(p.id);
  }
}
