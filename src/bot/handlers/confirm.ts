import type { Reply, Turn } from '../turn';
import * as views from '../views';
import { commit } from './change';

/** Confirms a previewed change: only its requester, once, within ten minutes, against fresh settings. */
export async function confirm(turn: Turn, pendingId?: string): Promise<Reply[]> {
  const { pending } = turn.deps;
  const p = pendingId !== undefined ? pending.get(pendingId) : pending.latestFor(turn.sender.address, turn.conversationId);
  if (!p) return [views.info('There is nothing waiting for your confirmation: it was already used, cancelled or has expired. Nothing was changed.')];
  if (p.actor !== turn.sender.address) {
    return [views.refusal(`Only ${p.actor}, who asked for this change, can confirm it.`)];
  }
  pending.take(p.id);
  if (pending.isExpired(p, turn.now)) {
    return [views.info('That preview expired (confirmations last 10 minutes). Nothing was changed; ask again to see a fresh preview.')];
  }
  return inPlace(await commit(turn, p.change, p.revision, p.request));
}

export async function cancel(turn: Turn, pendingId?: string): Promise<Reply[]> {
  const { pending } = turn.deps;
  const p = pendingId !== undefined ? pending.get(pendingId) : pending.latestFor(turn.sender.address, turn.conversationId);
  if (!p) return [views.info('There is nothing to cancel.')];
  if (p.actor !== turn.sender.address) return [views.refusal(`Only ${p.actor}, who asked for this change, can cancel it.`)];
  pending.take(p.id);
  return inPlace([views.info('Cancelled. Nothing was changed.')]);
}

function inPlace(replies: Reply[]): Reply[] {
  return replies.map((r, i) => (i === 0 ? { ...r, inPlace: true } : r));
}
