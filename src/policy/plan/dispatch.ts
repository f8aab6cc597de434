import type { Change } from '../change';
import { addAllowed, addBlocked, allowOnly, removeAllowed, removeBlocked } from './apply-lists';
import { applyImport } from './apply-import';
import { applyRestore } from './apply-restore';
import { changeTrialExceptions, setDomainMode, setFederation, setSubdomainBlocking, setTeamsConsumer, setTrialTenants } from './apply-settings';
import { assignPolicy, createPolicy, setUserAllowOnly, setUserCoexistence, setUserFederation, updatePolicy } from './apply-users';
import { normalizeDomains } from './domain-input';
import type { ApplyContext, StepResult } from './context';

/** Run the one step a change asks for. Domains are validated here, before anything else. */
export function dispatch(ctx: ApplyContext, change: Change): StepResult {
  if ('domains' in change) {
    const input = normalizeDomains(change.domains);
    if (!input.ok) return input;
    const d = input.domains;
    switch (change.kind) {
      case 'allowOnly': return allowOnly(ctx, d);
      case 'addAllowed': return addAllowed(ctx, d);
      case 'removeAllowed': return removeAllowed(ctx, d);
      case 'addBlocked': return addBlocked(ctx, d);
      case 'removeBlocked': return removeBlocked(ctx, d);
      case 'addTrialException': return changeTrialExceptions(ctx, d, true);
      case 'removeTrialException': return changeTrialExceptions(ctx, d, false);
      case 'setUserAllowOnly': return setUserAllowOnly(ctx, change.user, d);
    }
  }
  switch (change.kind) {
    case 'setFederation': return setFederation(ctx, change.enabled);
    case 'setDomainMode': return setDomainMode(ctx, change.mode);
    case 'setSubdomainBlocking': return setSubdomainBlocking(ctx, change.enabled);
    case 'setTeamsConsumer': return setTeamsConsumer(ctx, change.outbound, change.inbound);
    case 'setTrialTenants': return setTrialTenants(ctx, change.allowed);
    case 'createPolicy': return createPolicy(ctx, change.name, change.settings);
    case 'updatePolicy': return updatePolicy(ctx, change.name, change.settings);
    case 'assignPolicy': return assignPolicy(ctx, change.user, change.policy);
    case 'setUserFederation': return setUserFederation(ctx, change.user, change.enabled);
    case 'setUserCoexistence': return setUserCoexistence(ctx, change);
    case 'restore': return applyRestore(ctx.org, change);
    case 'import': return applyImport(ctx, change);
    case 'several': return several(ctx, change.changes);
    default: return { ok: false, reason: 'plan: unsupported change' };
  }
}

/** Each change in turn, each seeing the organization the previous one left; all or nothing. */
function several(ctx: ApplyContext, changes: readonly Change[]): StepResult {
  let org = ctx.org;
  const summaries: string[] = [];
  for (const c of changes) {
    if (org.settings === undefined) return { ok: false, reason: 'plan: organization without settings' };
    const step = dispatch({ ...ctx, org, settings: org.settings }, { ...c, org: ctx.org.id } as Change);
    if (!step.ok) return step;
    org = step.org;
    summaries.push(step.summary.replace(/\.$/, ''));
  }
  // A step that does nothing ("Nothing to unblock …", its warning says why) is not told as a step taken.
  const taken = summaries.filter((t) => !/^Nothing to /.test(t));
  return { ok: true, org, summary: `${(taken.length > 0 ? taken : summaries.slice(0, 1)).join('; then ')}.` };
}
