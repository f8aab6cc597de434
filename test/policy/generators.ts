import type { Change } from '../../src/policy/change';
import { COEXISTENCE_MODES, COMMUNICATION_WITH_EXTERNAL_ORGS, DOMAIN_MODES, defaultOrgSettings, globalPolicy } from '../../src/policy/model';
import type { Organization, PolicyModel, UserPolicy } from '../../src/policy/model';
import type { Rng } from './prng';

const ORGS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
/** gamma lives under alpha.com, so subdomain blocking matters between real organizations. */
const primary = (id: string): string => (id === 'gamma' ? 'gamma.alpha.com' : `${id}.com`);
/** Every domain a random list may name: the orgs, a subdomain, an IDN, strangers. */
export const DOMAIN_POOL = [...ORGS.map(primary), 'sub.alpha.com', 'alpha.net', 'xn--bcher-kva.de', 'tailspin.com', 'northwind.com', 'outlook.com'];

function randomPolicy(r: Rng, name: string): UserPolicy {
  return {
    ...globalPolicy(),
    name,
    enableFederationAccess: r.bool(0.8),
    enableTeamsConsumerAccess: r.bool(0.8),
    enableTeamsConsumerInbound: r.bool(0.8),
    communicationWithExternalOrgs: name === 'Global' ? 'OrganizationDefault' : r.pick(COMMUNICATION_WITH_EXTERNAL_ORGS),
    allowedExternalDomains: r.subset(DOMAIN_POOL, 4),
    blockedExternalDomains: r.subset(DOMAIN_POOL, 4),
  };
}

function randomOrg(r: Rng, id: string, i: number): Organization {
  const managed = i < 2 || r.bool(0.6);
  const domains = [primary(id), ...(id === 'alpha' && r.bool() ? ['alpha.net'] : [])];
  const policies = managed ? [randomPolicy(r, 'Global'), ...(r.bool() ? [randomPolicy(r, 'Custom')] : [])] : [];
  const names = policies.map((p) => p.name);
  const users = managed
    ? ['rob', 'ann', 'sue'].slice(0, 1 + r.int(3)).map((n) => ({
        address: `${n}@${domains[0]}`,
        ...(r.bool() && names.length > 0 ? { policy: r.pick(names) } : {}),
        // Only possible combinations: TeamsOnly users are homed online, Islands/SfBOnly on-premises.
        ...(r.bool(0.85) ? { coexistence: 'TeamsOnly' as const, onPremises: false } : { coexistence: r.pick(['Islands', 'SfBOnly'] as const), onPremises: true }),
      }))
    : [];
  return {
    id,
    name: id[0]!.toUpperCase() + id.slice(1),
    kind: 'tenant',
    domains,
    managed,
    trialOnly: r.bool(0.15),
    ...(managed
      ? {
          settings: {
            ...defaultOrgSettings(),
            allowFederatedUsers: r.bool(0.85),
            domainMode: r.pick(DOMAIN_MODES),
            allowedDomains: r.subset(DOMAIN_POOL, 5),
            blockedDomains: r.subset(DOMAIN_POOL, 5),
            blockAllSubdomains: r.bool(),
            allowTeamsConsumer: r.bool(0.8),
            allowTeamsConsumerInbound: r.bool(0.8),
            trialTenants: r.bool(0.7) ? ('Blocked' as const) : ('Allowed' as const),
            allowedTrialTenantDomains: r.subset(DOMAIN_POOL, 3),
          },
        }
      : {}),
    policies,
    users,
    admins: [],
  };
}

export function randomModel(r: Rng): PolicyModel {
  return { organizations: ORGS.slice(0, 3 + r.int(3)).map((id, i) => randomOrg(r, id, i)) };
}

/** Addresses worth asking about: listed users, unlisted users, personal accounts, strangers. */
export function addresses(m: PolicyModel): string[] {
  const out = m.organizations.flatMap((o) => [...o.users.map((u) => u.address), `new@${o.domains[0]}`, ...o.domains.slice(1).map((d) => `x@${d}`)]);
  return [...out, 'kim@outlook.com', 'max@tailspin.com', 'sub@sub.alpha.com', 'ida@bücher.de'];
}

export const managedIds = (m: PolicyModel): string[] => m.organizations.filter((o) => o.managed).map((o) => o.id);

/** Changes that can only take reachability away. */
export function randomBlockingChange(r: Rng, m: PolicyModel): Change {
  const org = r.pick(managedIds(m));
  const o = m.organizations.find((x) => x.id === org)!;
  const someUser = o.users.length > 0 ? r.pick(o.users).address : `new@${o.domains[0]}`;
  const domains = [r.pick(DOMAIN_POOL)];
  return r.pick<Change>([
    { kind: 'addBlocked', org, domains },
    { kind: 'removeAllowed', org, domains: o.settings!.allowedDomains.length ? [r.pick(o.settings!.allowedDomains)] : domains },
    { kind: 'setFederation', org, enabled: false },
    { kind: 'setDomainMode', org, mode: 'blockAll' },
    { kind: 'setSubdomainBlocking', org, enabled: true },
    { kind: 'setTeamsConsumer', org, outbound: false },
    { kind: 'setTeamsConsumer', org, inbound: false },
    { kind: 'setTrialTenants', org, allowed: false },
    { kind: 'removeTrialException', org, domains: o.settings!.allowedTrialTenantDomains.length ? [r.pick(o.settings!.allowedTrialTenantDomains)] : domains },
    { kind: 'setUserFederation', org, user: someUser, enabled: false },
    { kind: 'setUserCoexistence', org, user: someUser, onPremises: true },
  ]);
}

/** Any change at all (some will be refused; that is part of the test). */
export function randomChange(r: Rng, m: PolicyModel): Change {
  const org = r.pick(managedIds(m));
  const o = m.organizations.find((x) => x.id === org)!;
  const someUser = o.users.length > 0 && r.bool(0.7) ? r.pick(o.users).address : `new${r.int(3)}@${o.domains[0]}`;
  const domains = r.subset(DOMAIN_POOL, 3);
  const ds = domains.length > 0 ? domains : [r.pick(DOMAIN_POOL)];
  const policyName = r.pick([...o.policies.map((p) => p.name), 'Extra']);
  return r.pick<Change>([
    r.bool() ? blocking(r, m) : { kind: 'addAllowed', org, domains: ds },
    { kind: 'allowOnly', org, domains: ds },
    { kind: 'removeBlocked', org, domains: ds },
    { kind: 'setFederation', org, enabled: r.bool() },
    { kind: 'setDomainMode', org, mode: r.pick(DOMAIN_MODES) },
    { kind: 'setSubdomainBlocking', org, enabled: r.bool() },
    { kind: 'setTeamsConsumer', org, outbound: r.bool(), inbound: r.bool() },
    { kind: 'setTrialTenants', org, allowed: r.bool() },
    { kind: 'addTrialException', org, domains: ds },
    { kind: 'createPolicy', org, name: policyName, settings: { communicationWithExternalOrgs: r.pick(COMMUNICATION_WITH_EXTERNAL_ORGS), allowedExternalDomains: ds } },
    { kind: 'updatePolicy', org, name: policyName, settings: { enableFederationAccess: r.bool(), blockedExternalDomains: ds } },
    { kind: 'assignPolicy', org, user: someUser, policy: policyName },
    { kind: 'setUserFederation', org, user: someUser, enabled: r.bool() },
    { kind: 'setUserCoexistence', org, user: someUser, coexistence: r.pick(COEXISTENCE_MODES), onPremises: r.bool(0.2) },
  ]);
}
const blocking = randomBlockingChange;
