import { randomUUID } from 'node:crypto';
import type { Change } from '../policy/change';
import { PlanMemo } from './plan-memo';

/** What Confirm will do: commit a change (its organization resolved), or undo one audit entry. */
export type PendingAction = { kind: 'change'; change: Change } | { kind: 'undo'; orgId: string; entryId: string };

/** A change shown in a preview, waiting for the admin who asked to confirm it. */
export interface PendingChange {
  id: string;
  action: PendingAction;
  /** Address of the admin who asked: only they may confirm. */
  actor: string;
  conversationId: string;
  request: string;
  /** Fingerprint of the organization's data the preview was planned against (see `shown.ts`). */
  orgPrint: string;
  /** Fingerprint of what the preview showed: summary, before → after, who gains or loses. */
  shownPrint: string;
  expiresAt: number;
}

export const CONFIRMATION_TTL_MS = 10 * 60 * 1000;
/** Previews one admin may have open at once; a newer one drops their oldest. */
export const PENDING_PER_SENDER = 5;
/** Previews held in all; a newer one drops the oldest of anyone's. */
export const PENDING_TOTAL = 1000;

export interface PendingLimits {
  perSender: number;
  total: number;
}

/**
 * Pending confirmations, in memory: single-use (taken out when used), expiring after ten minutes,
 * bounded per sender and in total (a preview can hold a 4,000-domain change, so the bounds are what
 * keeps forged requests from holding memory). Lost on restart, which is the safe direction: nothing
 * is applied without a fresh confirmation.
 */
export class PendingChanges {
  /** Insertion order is age order: the first entry is the oldest. */
  private readonly byId = new Map<string, PendingChange>();
  /** The latest previewed change's plan, reused by its Confirm when the store has not moved (see `PlanMemo`). */
  readonly plans = new PlanMemo();

  constructor(private readonly limits: PendingLimits = { perSender: PENDING_PER_SENDER, total: PENDING_TOTAL }) {}

  add(input: Omit<PendingChange, 'id' | 'expiresAt'>, now: Date): PendingChange {
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

  get(id: string): PendingChange | undefined {
    return this.byId.get(id);
  }

  /** The latest preview this actor has open in this conversation (for a typed "yes"). */
  latestFor(actor: string, conversationId: string): PendingChange | undefined {
    let latest: PendingChange | undefined;
    for (const p of this.byId.values()) if (p.actor === actor && p.conversationId === conversationId) latest = p;
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

  /** How many previews are held, in all or for one sender. */
  size(actor?: string): number {
    if (actor === undefined) return this.byId.size;
    let n = 0;
    for (const p of this.byId.values()) if (p.actor === actor) n++;
    return n;
  }

  private sweep(now: Date): void {
    for (const p of this.byId.values()) if (this.isExpired(p, now)) this.byId.delete(p.id);
  }
}
