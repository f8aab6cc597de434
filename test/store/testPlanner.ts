import type { Change } from '../../src/policy/change';
import type { Organization, OrgSettings, PolicyModel } from '../../src/policy/model';
import type { Actor, PlanResult } from '../../src/policy/types';
import type { Planner } from '../../src/store/planner';

/**
 * A tiny stand-in for the policy engine: `addBlocked`, `removeBlocked`, `setFederation` and
 * `restore` of settings, each with a correct inverse. Never mutates its input (the store freezes it).
 */
export const testPlanner: Planner = (model: PolicyModel, change: Change, _actor: Actor, _now: Date): PlanResult => {
  const index = model.organizations.findIndex((o) => o.id === change.org);
  const org = model.organizations[index];
  if (org === undefined) return { ok: false, reason: `No organization ${change.org}.` };
  if (org.settings === undefined) return { ok: false, reason: `${org.name} is not managed here.` };
  const edit = settingsEdit(org.settings, change);
  if ('reason' in edit) return { ok: false, reason: edit.reason };
  const touched = Object.keys(edit.patch) as (keyof OrgSettings)[];
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const restore: Partial<OrgSettings> = {};
  for (const key of touched) {
    before[`settings.${key}`] = org.settings[key];
    after[`settings.${key}`] = edit.patch[key];
    Object.assign(restore, { [key]: org.settings[key] });
  }
  const nextOrg: Organization = { ...org, settings: { ...org.settings, ...edit.patch } };
  const organizations = model.organizations.slice();
  organizations[index] = nextOrg;
  return {
    ok: true,
    next: { organizations },
    plan: {
      change,
      orgId: org.id,
      orgName: org.name,
      summary: edit.summary,
      diff: [],
      impact: [],
      warnings: [],
      needsConfirmation: false,
      inverse: { kind: 'restore', org: org.id, settings: restore },
      touched: touched.map((key) => `settings.${key}`),
      before,
      after,
    },
  };
};

type Edit = { patch: Partial<OrgSettings>; summary: string } | { reason: string };

function settingsEdit(settings: OrgSettings, change: Change): Edit {
  switch (change.kind) {
    case 'addBlocked': {
      const added = change.domains.filter((d) => !settings.blockedDomains.includes(d));
      if (added.length === 0) return { reason: 'Already blocked.' };
      return { patch: { blockedDomains: [...settings.blockedDomains, ...added] }, summary: `Block ${added.join(', ')}` };
    }
    case 'removeBlocked':
      return { patch: { blockedDomains: settings.blockedDomains.filter((d) => !change.domains.includes(d)) }, summary: `Unblock ${change.domains.join(', ')}` };
    case 'setFederation':
      return { patch: { allowFederatedUsers: change.enabled }, summary: `Federation ${change.enabled ? 'on' : 'off'}` };
    case 'restore':
      return { patch: { ...change.settings }, summary: `Restore ${Object.keys(change.settings ?? {}).join(', ')}` };
    default:
      return { reason: `The test planner does not handle ${change.kind}.` };
  }
}
