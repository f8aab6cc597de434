import type { Change } from '../../policy/change';
import { findOrganization, adminsOf } from '../../policy/organizations';
import { plan } from '../../policy';
import type { Organization } from '../../policy/model';
import type { Reply, Turn } from '../turn';
import * as views from '../views';

/** The organization a change names ("" = the sender's own), or the reason it cannot be used. */
export function targetOrganization(turn: Turn, ref: string): { org: Organization } | { error: string } {
  const model = turn.deps.store.read();
  if (ref === '') {
    if (turn.sender.org) return { org: turn.sender.org };
    return { error: 'I could not tell which organization you mean: name it, for example "… for contosoeast.com".' };
  }
  const org = findOrganization(model, ref);
  return org ? { org } : { error: `I don't know an organization called "${ref}".` };
}

const anonymousRefusal = (): Reply =>
  views.refusal('I could not tell who you are, so I cannot make changes for you. You can still ask questions that name addresses, like "can ann@contosowest.com reach rob@contosoeast.com?".');

/** Users ask, admins change: the polite refusal names who can make the change. */
export function refuseUnlessAdmin(turn: Turn, org: Organization): Reply | undefined {
  if (turn.sender.address === '') return anonymousRefusal();
  if (turn.sender.adminOf.includes(org.id)) return undefined;
  const admins = adminsOf(turn.deps.store.read(), org.id, turn.deps.botAdmins);
  const who = admins.length > 0 ? admins.join(', ') : `an admin of ${org.name}`;
  return views.refusal(`Only an admin of ${org.name} can change its settings. Ask ${who}.`);
}

/** An admin asks for a change: plan it, then preview it (when it needs confirmation) or apply it. */
export async function requestChange(turn: Turn, requested: Change): Promise<Reply[]> {
  if (turn.sender.address === '') return [anonymousRefusal()];
  const target = targetOrganization(turn, requested.org);
  if ('error' in target) return [views.error(target.error)];
  const refused = refuseUnlessAdmin(turn, target.org);
  if (refused) return [refused];
  return planAndAct(turn, { ...requested, org: target.org.id }, []);
}

/** Plans against the current store; previews when confirmation is needed, else commits. */
export async function planAndAct(turn: Turn, change: Change, notes: string[]): Promise<Reply[]> {
  const { store, pending } = turn.deps;
  const revision = store.revision();
  const result = plan(store.read(), change, turn.sender, turn.now);
  if (!result.ok) return [views.error(`${result.reason} Nothing was changed.`)];
  if (result.plan.diff.length === 0) {
    // Already so: nothing to store, nothing to audit.
    const why = result.plan.warnings.filter((w) => w.code !== 'delay').map((w) => w.message);
    return [views.info(['Nothing to change:', ...why].join(' ') + (why.length === 0 ? ` ${result.plan.summary}` : ''))];
  }
  if (result.plan.needsConfirmation) {
    const p = pending.add(
      { change, actor: turn.sender.address, conversationId: turn.conversationId, request: turn.request, revision },
      turn.now,
    );
    return [...notes.map(views.info), views.preview(result.plan, p.id)];
  }
  return commit(turn, change, revision, turn.request);
}

/**
 * Commits a change planned at `revision`. If the store moved on meanwhile, plans again and, when the
 * new plan needs confirmation, asks again instead of applying something the admin did not see.
 */
export async function commit(turn: Turn, change: Change, revision: number, request: string): Promise<Reply[]> {
  const { store } = turn.deps;
  const shown = plan(store.read(), change, turn.sender, turn.now);
  const result = await store.commit({ change, actor: turn.sender, request, now: turn.now, expectedRevision: revision });
  if (result.ok) {
    const org = result.model.organizations.find((o) => o.id === result.entry.orgId);
    return [views.result(result.entry, shown.ok ? shown.plan : undefined, org?.name ?? result.entry.orgId, true, org)];
  }
  if (result.stale) {
    return planAndAct(turn, change, ['The settings changed since this was planned, so I planned it again against the current settings.']);
  }
  return [views.error(`${result.reason} Nothing was changed.`)];
}
