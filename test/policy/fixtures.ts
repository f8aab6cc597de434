import demo from '../../data/demo-policy.json';
import { defaultOrgSettings, globalPolicy, policyModelSchema } from '../../src/policy/model';
import type { OrgSettings, Organization, PolicyModel, User, UserPolicy } from '../../src/policy/model';
import type { Actor } from '../../src/policy/types';

/** The shipped demo model (Contoso East, Contoso West managed; Fabrikam by name only), fresh each call. */
export function demoModel(): PolicyModel {
  const { schemaVersion: _v, audit: _a, ...model } = JSON.parse(JSON.stringify(demo)) as typeof demo;
  return policyModelSchema.parse(model);
}

export interface TenantOptions {
  settings?: Partial<OrgSettings>;
  policies?: UserPolicy[];
  users?: User[];
  managed?: boolean;
  trialOnly?: boolean;
  domains?: string[];
  kind?: 'tenant' | 'consumer';
}

/** A tenant `id` with domain `<id>.com` (or the given domains). */
export function tenant(id: string, name: string, o: TenantOptions = {}): Organization {
  const managed = o.managed ?? true;
  return {
    id,
    name,
    kind: o.kind ?? 'tenant',
    domains: o.domains ?? [`${id}.com`],
    managed,
    trialOnly: o.trialOnly ?? false,
    ...(managed ? { settings: { ...defaultOrgSettings(), ...o.settings } } : {}),
    policies: managed ? [globalPolicy(), ...(o.policies ?? [])] : [],
    users: o.users ?? [],
    admins: [],
  };
}

export function policy(name: string, p: Partial<UserPolicy> = {}): UserPolicy {
  return { ...globalPolicy(), ...p, name };
}

export function user(address: string, u: Partial<User> = {}): User {
  return { address, coexistence: 'TeamsOnly', onPremises: false, ...u };
}

export const model = (...organizations: Organization[]): PolicyModel => ({ organizations });

/** An admin of the given organizations. */
export const admin = (...orgIds: string[]): Actor => ({ address: 'admin@example.com', adminOf: orgIds });

/** The demo with one organization's settings patched. */
export function demoWith(orgId: string, settings: Partial<OrgSettings>): PolicyModel {
  const m = demoModel();
  return { organizations: m.organizations.map((o) => (o.id === orgId && o.settings ? { ...o, settings: { ...o.settings, ...settings } } : o)) };
}

/** Deep-freeze, so any mutation throws in strict mode. */
export { deepFreeze } from '../../src/store/deepFreeze';

/** East (east.com, rob) and West (west.com, ann), both managed, open by default. */
export function eastWest(east: TenantOptions = {}, west: TenantOptions = {}, ...more: Organization[]): PolicyModel {
  return model(
    tenant('east', 'East', { users: [user('rob@east.com')], ...east }),
    tenant('west', 'West', { users: [user('ann@west.com')], ...west }),
    ...more,
  );
}
