import type { Change } from '../policy/change';

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
  /** Fingerprint of what the preview showed: what the change does, its summary, who gains or loses (see `policy/fingerprint.ts`). */
  shownPrint: string;
  /** Milliseconds since the epoch, from the clock of the process that made the preview. */
  expiresAt: number;
}

/** What a preview hands over to be kept; the store gives it its id and expiry. */
export type NewPendingChange = Omit<PendingChange, 'id' | 'expiresAt'>;

export const CONFIRMATION_TTL_MS = 10 * 60 * 1000;
/** Previews one admin may have open at once; a newer one drops their oldest. */
export const PENDING_PER_SENDER = 5;
/** Previews held in all; a newer one drops the oldest of anyone's. */
export const PENDING_TOTAL = 1000;

export interface PendingLimits {
  perSender: number;
  total: number;
}

export const DEFAULT_PENDING_LIMITS: PendingLimits = { perSender: PENDING_PER_SENDER, total: PENDING_TOTAL };

/**
 * An expired preview is still found by `get` and `latestFor` (so Confirm can say "expired" rather
 * than "nothing waiting") until an `add` sweeps it; whoever confirms asks this.
 */
export function isExpired(p: PendingChange, now: Date): boolean {
  return now.getTime() >= p.expiresAt;
}

/**
 * Pending confirmations: single use (`take` hands one out once, even to concurrent callers),
 * expiring after ten minutes, bounded per sender and in total with the oldest dropped (a preview can
 * hold a 4,000-domain change, so the bounds are what keeps forged requests from holding memory or
 * rows). Behind an interface so that several bot processes can share them in a database.
 */
export interface ConfirmationStore {
  /** Keeps a new preview, first sweeping expired ones and dropping the oldest beyond the bounds. */
  add(input: NewPendingChange, now: Date): Promise<PendingChange>;
  get(id: string): Promise<PendingChange | undefined>;
  /** The latest preview this actor has open in this conversation (for a typed "yes"). */
  latestFor(actor: string, conversationId: string): Promise<PendingChange | undefined>;
  /** Removes and returns it: a confirmation can be used once; of concurrent takes, one gets it. */
  take(id: string): Promise<PendingChange | undefined>;
  /** How many previews are held, in all or for one sender (expired ones not yet swept included). */
  size(actor?: string): Promise<number>;
}
