import { retimed } from '../../policy';
import { stillAsShown as asShown } from '../../policy/fingerprint';
import type { PolicyModel } from '../../policy/model';
import type { Plan } from '../../policy/types';
import { isExpired, type PendingChange } from '../../store/confirmations';
import type { UndoResult } from '../../store/types';
import type { Reply, Turn } from '../turn';
import * as views from '../views';
import { previewChange } from './change';
import { previewUndo } from './history';

/** Confirms a previewed change: only its requester, once, within ten minutes, as it was shown. */
export async function confirm(turn: Turn, pendingId?: string): Promise<Reply[]> {
  const found = await ownPending(turn, pendingId, 'confirm');
  if ('replies' in found) return found.replies;
  if (isExpired(found.pending, turn.now)) {
    return [views.info('That preview expired (confirmations last 10 minutes). Nothing was changed; ask again to see a fresh preview.')];
  }
  return inPlace(await apply(turn, found.pending));
}

export async function cancel(turn: Turn, pendingId?: string): Promise<Reply[]> {
  const found = await ownPending(turn, pendingId, 'cancel');
  if ('replies' in found) return found.replies;
  return inPlace([views.info('Cancelled. Nothing was changed.')]);
}

/**
 * The pending change a button names (or the sender's latest in this conversation, for typed text),
 * taken out if it is the sender's own. Another sender's attempt leaves it for its owner. The take
 * decides: when another turn (on this process or another) used it in between, it is gone.
 */
async function ownPending(turn: Turn, pendingId: string | undefined, verb: 'confirm' | 'cancel'): Promise<{ pending: PendingChange } | { replies: Reply[] }> {
  const { pending } = turn.deps;
  const nothing =
    verb === 'confirm'
      ? 'There is nothing waiting for your confirmation: it was already used, cancelled or has expired. Nothing was changed.'
      : 'There is nothing to cancel.';
  const p = pendingId !== undefined ? await pending.get(pendingId) : await pending.latestFor(turn.sender.address, turn.conversationId);
  if (!p) return { replies: [views.info(nothing)] };
  if (p.actor !== turn.sender.address) return { replies: [views.refusal(`Only ${p.actor}, who asked for this change, can ${verb} it.`)] };
  const taken = await pending.take(p.id);
  return taken ? { pending: taken } : { replies: [views.info(nothing)] };
}

/**
 * The only call of `store.commit` and `store.undo` in the bot: a confirmed pending change. The store
 * re-plans it in its queue (or takes the preview's plan when nothing was committed since) and asks
 * `stillAsShown`: it applies only when that plan shows what the preview showed — what it does to each
 * setting it touches, its summary, whom it affects. Another admin's unrelated change in between
 * (another domain blocked, another organization changed) leaves it as shown; otherwise, a fresh preview.
 */
async function apply(turn: Turn, p: PendingChange): Promise<Reply[]> {
  const { store, plans } = turn.deps;
  const orgId = p.action.kind === 'change' ? p.action.change.org : p.action.orgId;
  // The preview's own plan, when the sender still administers the organization (it was planned for them).
  const previewed = plans.take(p.id);
  const planned =
    previewed && turn.sender.adminOf.includes(orgId) ? { model: previewed.model, result: { ...previewed.result, plan: retimed(previewed.result.plan, turn.now) } } : undefined;
  let applied: Plan | undefined;
  const stillAsShown = (before: PolicyModel, plan: Plan): boolean => {
    applied = plan;
    return asShown(p.shownPrint, before, plan, planned && { model: planned.model, plan: planned.result.plan });
  };
  const common = { actor: turn.sender, request: p.request, now: turn.now, stillAsShown };
  const result: UndoResult =
    p.action.kind === 'change'
      ? await store.commit({ change: p.action.change, ...common, ...(planned && { planned }) })
      : await store.undo({ orgId, entryId: p.action.entryId, ...common });
  if (result.ok) {
    const org = result.model.organizations.find((o) => o.id === result.entry.orgId);
    // An undo's card says what it undid (its own summary only says "put back the earlier settings").
    const undid = result.undid?.summary;
    return [views.result(result.entry, applied, org?.name ?? result.entry.orgId, true, org, undid)];
  }
  if (result.stale) {
    const note = 'The settings changed since you saw that preview, so nothing was changed: here is what it would do now.';
    const again = { ...turn, request: p.request };
    return p.action.kind === 'change' ? previewChange(again, p.action.change, [note]) : previewUndo(again, orgId, p.action.entryId, [note]);
  }
  return [views.error(`${result.reason} Nothing was changed.`)];
}

function inPlace(replies: Reply[]): Reply[] {
  return replies.map((r, i) => (i === 0 ? { ...r, inPlace: true } : r));
}
