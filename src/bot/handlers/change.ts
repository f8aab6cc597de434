import { setImmediate as nextTurnOfTheLoop } from 'node:timers/promises';
import type { Change } from '../../policy/change';
import { findOrganization, adminsOf } from '../../policy/organizations';
import { commandText, phraseChange, planSteps } from '../../policy';
import { inTurns } from '../in-turns';
import type { Organization } from '../../policy/model';
import { shownPrint } from '../../policy/fingerprint';
import type { Reply, Turn } from '../turn';
import * as views from '../views';
import type { Command } from '../../language/command';
import { unknownOrganization } from '../unknown-org';

/**
 * The organization a request names ("" = the sender's own), or the reply saying why it cannot be
 * used; an unknown name gets the closest known ones, each with a button that asks `asked` again.
 */
export function targetOrganization(turn: Turn, ref: string, asked?: Command): { org: Organization } | { refused: Reply } {
  const model = turn.deps.store.read();
  if (ref === '') {
    if (turn.sender.org) return { org: turn.sender.org };
    return { refused: views.error('I could not tell which organization you mean: name it, for example "… for contosoeast.com".') };
  }
  const org = findOrganization(model, ref);
  return org ? { org } : { refused: unknownOrganization(model, turn.sender, ref, asked) };
}

const anonymousRefusal = (): Reply =>
  views.refusal('I could not tell who you are, so I cannot make changes for you. You can still ask questions that name addresses, like "can ann@contosowest.com reach rob@contosoeast.com?".');

/**
 * Users ask, admins change: the polite refusal names who can make the change and, when known, the
 * words to send them (`say`, the request in canonical words, as the admin would type it).
 */
export function refuseUnlessAdmin(turn: Turn, org: Organization, say?: string): Reply | undefined {
  if (turn.sender.address === '') return anonymousRefusal();
  if (turn.sender.adminOf.includes(org.id)) return undefined;
  const admins = adminsOf(turn.deps.store.read(), org.id, turn.deps.botAdmins);
  const whose = turn.sender.org?.id === org.id ? 'your admin' : `${org.name}'s admin`;
  const who = admins.length > 0 ? `${admins.join(', ')} (${admins.length > 1 ? `${whose}s` : whose})` : `an admin of ${org.name}`;
  // The admin sends it in their own chat, where their organization needs no naming; a long list is not quoted.
  const words = say !== undefined && say.length <= 200 ? ` to send "${say}"` : '';
  return views.refusal(`Only an admin of ${org.name} can change its settings. Ask ${who}${words}.`);
}

/**
 * Change kinds only the bot itself makes (undo's `restore` puts values back without the checks a
 * request gets: domain validation, list limits, the Global policy). Nobody may ask for them.
 */
export const INTERNAL_CHANGE_KINDS: ReadonlySet<Change['kind']> = new Set(['restore']);

/** An admin asks for a change, by any route: it is planned and previewed, never applied here. */
export async function requestChange(turn: Turn, requested: Change): Promise<Reply[]> {
  if (turn.sender.address === '') return [anonymousRefusal()];
  if (INTERNAL_CHANGE_KINDS.has(requested.kind)) {
    return [views.refusal(`A "${requested.kind}" change is made only by undo; it cannot be asked for. Nothing was changed.`)];
  }
  const target = targetOrganization(turn, requested.org, { kind: 'change', change: requested });
  if ('refused' in target) return [target.refused];
  const refused = refuseUnlessAdmin(turn, target.org, phraseChange({ ...requested, org: '' }));
  if (refused) return [refused];
  return previewChange(turn, { ...requested, org: target.org.id }, []);
}

/**
 * The one way a change reaches the store: planned against the current settings, shown as a preview
 * (the command understood, before → after, who gains or loses) and kept as a pending change that
 * only the asker's Confirm applies (see `confirm.ts`). Nothing is stored here.
 */
export async function previewChange(turn: Turn, change: Change, notes: string[]): Promise<Reply[]> {
  const { store, pending, plans } = turn.deps;
  const model = store.read();
  const result = await inTurns(planSteps(model, change, turn.sender, turn.now));
  if (!result.ok) return [views.error(`${result.reason} Nothing was changed.`)];
  if (result.plan.diff.length === 0) {
    // Already so: nothing to confirm, store or audit.
    return [views.nothingToChange(views.whyNothing(result.plan))];
  }
  // Planning, then printing, then drawing a change that affects 10,000 organizations are each tens
  // of milliseconds: other requests (and /healthz) get their turns in between. The plan and its
  // model are kept as they are, so nothing that lands meanwhile changes what is shown.
  await nextTurnOfTheLoop();
  const p = await pending.add(
    {
      action: { kind: 'change', change },
      actor: turn.sender.address,
      conversationId: turn.conversationId,
      request: turn.request,
      shownPrint: shownPrint(result.plan),
    },
    turn.now,
  );
  plans.remember({ pendingId: p.id, model, result });
  await nextTurnOfTheLoop();
  const understood = commandText(change, result.plan.orgName) ?? result.plan.summary;
  return [...notes.map((n) => views.info(n)), views.preview(result.plan, p.id, { understood })];
}
