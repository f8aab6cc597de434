import type { Command } from '../../language/command';
import { shownPrint } from '../../policy/fingerprint';
import type { HistoryPage } from '../../store/types';
import type { Reply, Turn } from '../turn';
import * as views from '../views';
import { whenPlain } from '../../cards/format';
import { findOrg } from '../../policy';
import { refuseUnlessAdmin, targetOrganization } from './change';

type Of<K extends Command['kind']> = Extract<Command, { kind: K }>;

const PAGE_SIZE = 5;
const TYPE_UNDO = ' Type "undo" to see what undo would do now.';
/** A change as a refusal quotes it: its summary without the bracketed explanation and the full stop. */
const headline = (summary: string): string => summary.replace(/\s*\([^()]*\)/g, '').replace(/\.$/, '');
/** An Undo button is for second thoughts: a day later, "undo" is typed (and still previewed). */
export const UNDO_BUTTON_TTL_MS = 24 * 60 * 60 * 1000;

export async function history(turn: Turn, command: Of<'history'>): Promise<Reply[]> {
  const target = targetOrganization(turn, command.orgRef ?? '', command);
  if ('refused' in target) return [target.refused];
  const org = target.org;
  if (turn.sender.org?.id !== org.id && !turn.sender.adminOf.includes(org.id)) {
    return [views.refusal(`The change history of ${org.name} is for its own people.`)];
  }
  const page = command.setting ? about(turn, org.id, command.setting) : turn.deps.store.history(org.id, command.page ?? 0, PAGE_SIZE);
  return [{ ...views.history(page, org.name, org.id, turn.sender.adminOf.includes(org.id)), inPlace: command.page !== undefined }];
}

/** "who changed X?": the latest entries that touched that setting, newest first, one page. */
function about(turn: Turn, orgId: string, setting: NonNullable<Of<'history'>['setting']>): HistoryPage {
  const prefix = setting === 'policies' ? 'policies.' : `settings.${setting}`;
  const all = turn.deps.store.history(orgId, 0, 1000);
  const entries = all.entries.filter((e) => e.touched.some((p) => p.startsWith(prefix))).slice(0, PAGE_SIZE);
  return { entries, page: 0, pageSize: PAGE_SIZE, total: entries.length };
}


/**
 * "undo" (or an Undo button): a preview of what would be put back; only Confirm undoes it. A button
 * names the entry it was shown for and is refused once that entry is no longer the organization's
 * latest change, so an Undo pressed on an old card never undoes something else, and a day after the
 * change (typing "undo" still works, through the same preview).
 */
export async function undo(turn: Turn, command: Of<'undo'>): Promise<Reply[]> {
  const target = targetOrganization(turn, command.orgRef ?? '', command);
  if ('refused' in target) return [target.refused];
  const refused = refuseUnlessAdmin(turn, target.org, command.entryId === undefined ? 'undo' : undefined);
  if (refused) return [refused];
  const org = target.org;
  if (command.entryId !== undefined) {
    const latest = turn.deps.store.lastChange(org.id);
    if (latest?.id !== command.entryId) {
      // The refusal card says "Nothing was changed." itself; the reason says it no second time.
      const now = latest ? ` The latest change of ${org.name} is now "${headline(latest.summary)}" (${whenPlain(latest.time)}).` : ` ${org.name} has no change to undo now.`;
      return [views.refusal(`That Undo button is out of date: it was for a change that is no longer the latest one.${now}${latest ? TYPE_UNDO : ''}`)];
    }
    if (turn.now.getTime() - Date.parse(latest.time) > UNDO_BUTTON_TTL_MS) {
      return [views.refusal(`That Undo button has expired: it is for a change made more than a day ago ("${headline(latest.summary)}", ${whenPlain(latest.time)}).${TYPE_UNDO}`)];
    }
  }
  return previewUndo(turn, org.id, command.entryId, []);
}

/** Plans the undo of `entryId` (or the latest change) and shows it with Confirm / Cancel. */
export async function previewUndo(turn: Turn, orgId: string, entryId: string | undefined, notes: string[]): Promise<Reply[]> {
  const { store, pending } = turn.deps;
  const model = store.read();
  const planned = store.previewUndo({ orgId, ...(entryId !== undefined ? { entryId } : {}), actor: turn.sender, now: turn.now });
  if (!planned.ok) {
    // The store names organizations by id; people know them by name.
    const org = findOrg(model, orgId);
    const nothing = entryId === undefined && store.lastChange(orgId) === undefined;
    return [views.refusal(nothing ? `${org?.name ?? 'This organization'} has no change to undo.` : planned.reason)];
  }
  const p = await pending.add(
    {
      action: { kind: 'undo', orgId, entryId: planned.entry.id },
      actor: turn.sender.address,
      conversationId: turn.conversationId,
      request: turn.request,
      shownPrint: shownPrint(planned.plan),
    },
    turn.now,
  );
  const by = planned.entry.actor.displayName ?? planned.entry.actor.address;
  const understood = `undo ‘${headline(planned.entry.summary)}’ (changed by ${by}, ${whenPlain(planned.entry.time)})`;
  return [...notes.map((n) => views.info(n)), views.preview(planned.plan, p.id, { understood, title: 'Undo this change?' })];
}
