import type { Command } from '../../language/command';
import type { HistoryPage } from '../../store/types';
import type { Reply, Turn } from '../turn';
import * as views from '../views';
import { refuseUnlessAdmin, targetOrganization } from './change';

type Of<K extends Command['kind']> = Extract<Command, { kind: K }>;

const PAGE_SIZE = 5;

export async function history(turn: Turn, command: Of<'history'>): Promise<Reply[]> {
  const target = targetOrganization(turn, command.orgRef ?? '');
  if ('error' in target) return [views.error(target.error)];
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

/** Undo the latest change of an organization (or a given one), through the policy engine, audited. */
export async function undo(turn: Turn, command: Of<'undo'>): Promise<Reply[]> {
  const target = targetOrganization(turn, command.orgRef ?? '');
  if ('error' in target) return [views.error(target.error)];
  const refused = refuseUnlessAdmin(turn, target.org);
  if (refused) return [refused];
  const result = await turn.deps.store.undo({
    orgId: target.org.id,
    entryId: command.entryId,
    actor: turn.sender,
    request: turn.request,
    now: turn.now,
  });
  if (!result.ok) return [views.refusal(result.reason)];
  return [views.result(result.entry, result.plan, target.org.name, true)];
}
