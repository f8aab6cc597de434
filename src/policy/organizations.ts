import { domainOfAddress, normalizeAddress, normalizeDomain } from './domain';
import { findOrg, orgOfDomain } from './model-index';
import type { Organization, PolicyModel } from './model';

const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The organization a person named: its id ("contoso-west"), its name ("Contoso West", any case or
 * spacing) or one of its domains ("contosowest.com", IDN or punycode).
 */
export function findOrganization(model: PolicyModel, ref: string): Organization | undefined {
  const key = squash(ref);
  if (key === '') return undefined;
  const byId = findOrg(model, ref.trim());
  if (byId) return byId;
  const d = normalizeDomain(ref);
  const byDomain = d.ok ? orgOfDomain(model, d.domain.ascii) : undefined;
  if (byDomain) return byDomain;
  return model.organizations.find((o) => squash(o.id) === key || squash(o.name) === key);
}

export function organizationOfAddress(model: PolicyModel, address: string): Organization | undefined {
  const domain = domainOfAddress(address);
  return domain === undefined ? undefined : orgOfDomain(model, domain);
}

const rosterCache = new WeakMap<PolicyModel, ReadonlyMap<string, readonly string[]>>();

/** Admin address → ids of the organizations whose roster lists it, built once per model (asked every turn). */
function rosters(model: PolicyModel): ReadonlyMap<string, readonly string[]> {
  const cached = rosterCache.get(model);
  if (cached) return cached;
  const index = new Map<string, string[]>();
  for (const org of model.organizations) {
    for (const admin of org.admins) {
      const a = normalizeAddress(admin);
      if (a === undefined) continue;
      // Appended in place: copying the list per organization would be quadratic for an admin of many.
      const ids = index.get(a);
      if (ids) ids.push(org.id);
      else index.set(a, [org.id]);
    }
  }
  rosterCache.set(model, index);
  return index;
}

/**
 * Ids of the organizations an address administers: those listing it in their admin roster, and the
 * organization owning its domain when it is one of the bot's configured admins (BOT_ADMINS).
 */
export function adminOrgIds(model: PolicyModel, address: string, botAdmins: readonly string[]): string[] {
  const me = normalizeAddress(address);
  if (me === undefined) return [];
  const ids = new Set(rosters(model).get(me));
  if (botAdmins.some((a) => normalizeAddress(a) === me)) {
    const own = organizationOfAddress(model, me);
    if (own) ids.add(own.id);
  }
  return [...ids];
}

/** Everyone who may change an organization's settings here. */
export function adminsOf(model: PolicyModel, orgId: string, botAdmins: readonly string[]): string[] {
  const org = findOrg(model, orgId);
  if (!org) return [];
  const configured = botAdmins.filter((a) => organizationOfAddress(model, a)?.id === orgId);
  return [...new Set([...org.admins.map((a) => a.toLowerCase()), ...configured])];
}
