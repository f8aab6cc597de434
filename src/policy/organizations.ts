import { domainOfAddress, normalizeAddress, normalizeDomain } from './domain';
import { findOrg, nameKey, orgOfDomain, orgOfName, orgOfTenant } from './model-index';
import { isObjectId, rosterKey, rosters } from './rosters';
import type { Organization, PolicyModel } from './model';

/**
 * The organization a person named: its id ("contoso-west"), its name ("Contoso West", any case or
 * spacing) or one of its domains ("contosowest.com", IDN or punycode).
 */
export function findOrganization(model: PolicyModel, ref: string): Organization | undefined {
  const key = nameKey(ref);
  if (key === '') return undefined;
  const byId = findOrg(model, ref.trim());
  if (byId) return byId;
  const d = normalizeDomain(ref);
  const byDomain = d.ok ? orgOfDomain(model, d.domain.ascii) : undefined;
  if (byDomain) return byDomain;
  return orgOfName(model, key);
}

export function organizationOfAddress(model: PolicyModel, address: string): Organization | undefined {
  const domain = domainOfAddress(address);
  return domain === undefined ? undefined : orgOfDomain(model, domain);
}

export { isObjectId } from './rosters';

/** The organization signed in to an Entra tenant, if one here carries that tenant id. */
export function organizationOfTenant(model: PolicyModel, tenantId: string): Organization | undefined {
  // Indexed: every Teams turn asks, and a scan of 10,000 organizations took up to 6 ms.
  return orgOfTenant(model, tenantId);
}

/**
 * What the channel proved about a sender. `tenantId` is present when the channel proves one (Teams):
 * then the sender belongs to that tenant and an address counts for an organization only when that
 * organization carries the tenant id. Without it (local mode, a trusted channel) the address is
 * taken as proved.
 */
export interface Credentials {
  address?: string;
  objectId?: string;
  tenantId?: string;
}

/**
 * The organization the sender belongs to: the one carrying the proved tenant id; else the one owning
 * the address's domain, unless that organization is bound to tenants and the proved one is not among them.
 */
export function homeOrganization(model: PolicyModel, who: Credentials): Organization | undefined {
  const byTenant = who.tenantId === undefined ? undefined : organizationOfTenant(model, who.tenantId);
  if (byTenant) return byTenant;
  return addressVerified(model, who) && who.address !== undefined ? organizationOfAddress(model, who.address) : undefined;
}

/**
 * Whether the address can be believed: always when no tenant is proved (local mode, a trusted
 * channel); with a proved tenant, unless the address's domain belongs to an organization bound to
 * other tenants (a member of tenant X whose roster email reads admin@contosoeast.com is not Contoso East's admin).
 */
export function addressVerified(model: PolicyModel, who: Credentials): boolean {
  if (who.address === undefined) return false;
  if (who.tenantId === undefined) return true;
  const owner = organizationOfAddress(model, who.address);
  const tenants = owner?.tenantIds ?? [];
  return tenants.length === 0 || tenants.some((t) => t.toLowerCase() === who.tenantId?.toLowerCase());
}

/**
 * Ids of the organizations a sender administers: those whose roster lists their address or object
 * id, and their own organization when they are one of the bot's configured admins (BOT_ADMINS). When
 * a tenant is proved, only organizations carrying that tenant id count: an address claimed by a
 * member of another tenant grants nothing.
 */
export function adminOrgIds(model: PolicyModel, who: Credentials, botAdmins: readonly string[]): string[] {
  const inTenant = (org: Organization | undefined): org is Organization =>
    org !== undefined && (who.tenantId === undefined || (org.tenantIds ?? []).some((t) => t.toLowerCase() === who.tenantId?.toLowerCase()));
  const address = who.address === undefined ? undefined : normalizeAddress(who.address);
  const objectId = who.objectId === undefined || !isObjectId(who.objectId) ? undefined : who.objectId.trim().toLowerCase();
  const ids = new Set<string>();
  for (const key of [address, objectId]) {
    if (key === undefined) continue;
    for (const id of rosters(model).get(key) ?? []) if (inTenant(findOrg(model, id))) ids.add(id);
  }
  const configured = new Set(botAdmins.map(rosterKey).filter((k): k is string => k !== undefined));
  if (address !== undefined && configured.has(address)) {
    const own = organizationOfAddress(model, address);
    if (inTenant(own)) ids.add(own.id);
  }
  if (objectId !== undefined && configured.has(objectId)) {
    const own = homeOrganization(model, who);
    if (inTenant(own)) ids.add(own.id);
  }
  return [...ids];
}

/** The addresses to ask for a change of an organization's settings (object ids are not shown to people). */
export function adminsOf(model: PolicyModel, orgId: string, botAdmins: readonly string[]): string[] {
  const org = findOrg(model, orgId);
  if (!org) return [];
  const configured = botAdmins.filter((a) => !isObjectId(a) && organizationOfAddress(model, a)?.id === orgId);
  return [...new Set([...org.admins.filter((a) => !isObjectId(a)).map((a) => a.toLowerCase()), ...configured])];
}

/** Every domain list an organization keeps: its allow/block/trial lists and its user policies' lists. */
export function domainListsOf(org: Organization): ReadonlyArray<readonly string[]> {
  const s = org.settings;
  const lists = [s?.allowedDomains ?? NO_DOMAINS, s?.blockedDomains ?? NO_DOMAINS, s?.allowedTrialTenantDomains ?? NO_DOMAINS];
  // A counted loop, not flatMap and a spread: on a frozen array (every model's) V8's array builtins
  // take their slow path, and every plan that changes a list asks this twice (8 µs a plan).
  const policies = org.policies;
  for (let i = 0; i < policies.length; i++) lists.push(policies[i]!.allowedExternalDomains, policies[i]!.blockedExternalDomains);
  return lists;
}

const NO_DOMAINS: readonly string[] = Object.freeze([]);
