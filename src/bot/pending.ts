import { randomUUID } from 'node:crypto';
import type { Change } from '../policy/change';

/** A change shown in a preview, waiting for the admin who asked to confirm it. */
export interface PendingChange {
  id: string;
  change: Change;
  /** Address of the admin who asked: only they may confirm. */
  actor: string;
  conversationId: string;
  request: string;
  /** Store revision the preview was planned against. */
  revision: number;
  expiresAt: number;
}

export const CONFIRMATION_TTL_MS = 10 * 60 * 1000;

/**
 * Pending confirmations, in memory: single-use (taken out when used), expiring after ten minutes.
 * Lost on restart, which is the safe direction: nothing is applied without a fresh confirmation.
 */
export class PendingChanges {
  private readonly byId = new Map<string, PendingChange>();

  add(input: Omit<PendingChange, 'id' | 'expiresAt'>, now: Date): PendingChange {
    this.sweep(now);
    // One preview per admin and conversation: a new request replaces the older preview.
    for (const p of this.byId.values()) {
      if (p.actor === input.actor && p.conversationId === input.conversationId) this.byId.delete(p.id);
    }
    const pending = { ...input, id: randomUUID(), expiresAt: now.getTime() + CONFIRMATION_TTL_MS };
    this.byId.set(pending.id, pending);
    return pending;
  }

  get(id: string): PendingChange | undefined {
    return this.byId.get(id);
  }

  /** The latest preview this actor has open in this conversation (for a typed "yes"). */
  latestFor(actor: string, conversationId: string): PendingChange | undefined {
    let latest: PendingChange | undefined;
    for (const p of this.byId.values()) {
      if (p.actor === actor && p.conversationId === conversationId && (!latest || p.expiresAt > latest.expiresAt)) latest = p;
    }
    return latest;
  }

  /** Removes and returns it: a confirmation can be used once. */
  take(id: string): PendingChange | undefined {
    const p = this.byId.get(id);
    this.byId.delete(id);
    return p;
  }

  isExpired(p: PendingChange, now: Date): boolean {
    return now.getTime() >= p.expiresAt;
  }

  private sweep(now: Date): void {
    for (const p of this.byId.values()) if (this.isExpired(p, now)) this.byId.delete(p.id);
  }
}
