import { displayDomain } from './domain';
import { MODE_LABELS, legacyLabel, policySummary } from './labels';
import { findOrg } from './model-index';
import { GLOBAL_POLICY, defaultOrgSettings, globalPolicy } from './model';
import type { PolicyModel } from './model';
import type { OrgStateView } from './types';

const shown = (list: readonly string[]): string[] => list.map(displayDomain);

/**
 * The federation state of one organization in the words admins know. Undefined for an unknown id.
 * An organization not managed here is shown with modeLabel "Not known here" and the defaults.
 */
export function describeOrganization(model: PolicyModel, orgId: string): OrgStateView | undefined {
  const org = findOrg(model, orgId);
  if (!org) return undefined;
  const s = org.settings ?? defaultOrgSettings();
  const managed = org.managed && org.settings !== undefined;
  const mode = s.domainMode;
  const inEffect: OrgStateView['inEffect'] =
    mode === 'allowSpecific' ? { list: 'allowed', domains: shown(s.allowedDomains) }
    : mode === 'blockSpecific' ? { list: 'blocked', domains: shown(s.blockedDomains) }
    : { list: null, domains: [] };
  const storedNotInEffect: OrgStateView['storedNotInEffect'] = [];
  if (mode !== 'allowSpecific' && s.allowedDomains.length > 0) storedNotInEffect.push({ list: 'allowed', domains: shown(s.allowedDomains) });
  if (mode !== 'blockSpecific' && s.blockedDomains.length > 0) storedNotInEffect.push({ list: 'blocked', domains: shown(s.blockedDomains) });
  const policies = org.policies.length > 0 ? org.policies : managed ? [globalPolicy()] : [];
  const policiesInUse = policies.map((p) => ({
    name: p.name,
    users: org.users.filter((u) => (u.policy ?? GLOBAL_POLICY) === p.name || (p.name === GLOBAL_POLICY && !policies.some((q) => q.name === u.policy))).length,
    summary: policySummary(p),
  }));
  const legacy = managed && s.allowFederatedUsers ? legacyLabel(mode) : undefined;
  return {
    orgId: org.id,
    orgName: org.name,
    domains: shown(org.domains),
    managed,
    federation: s.allowFederatedUsers,
    mode,
    modeLabel: managed ? MODE_LABELS[mode] : 'Not known here (not managed by this bot)',
    ...(legacy ? { legacyLabel: legacy } : {}),
    inEffect,
    storedNotInEffect,
    blockAllSubdomains: s.blockAllSubdomains,
    teamsConsumer: { outbound: s.allowTeamsConsumer, inbound: s.allowTeamsConsumerInbound },
    trialTenants: { blocked: s.trialTenants === 'Blocked', exceptions: shown(s.allowedTrialTenantDomains) },
    policiesInUse,
  };
}
