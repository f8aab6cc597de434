import { normalizeDomain } from '../policy/domain';
import type { DomainMode, OrgSettings } from '../policy/model';
import { keepExtras } from './extras';
import type { FederationReading, ReadFailure, Skipped, Unmanaged } from './types';
import { isObject, readBoolean, readDomainList, showValue, type Json, type JsonObject } from './values';

/** Properties of CsTenantFederationConfiguration the model holds. Everything else is kept as unmanaged. */
const MANAGED = new Set([
  'Identity',
  'AllowFederatedUsers',
  'AllowedDomains',
  'AllowedDomainsAsAList',
  'BlockedDomains',
  'BlockAllSubdomains',
  'AllowTeamsConsumer',
  'AllowTeamsConsumerInbound',
  'ExternalAccessWithTrialTenants',
  'AllowedTrialTenantDomains',
]);

/** True when the object has the telltale properties of Get-CsTenantFederationConfiguration. */
export function looksLikeFederation(o: JsonObject): boolean {
  return 'AllowFederatedUsers' in o || ('AllowedDomains' in o && 'BlockedDomains' in o);
}

/** Normalized domains of a list; malformed entries go to `skipped`. */
export function cleanDomains(list: readonly string[], where: string, skipped: Skipped[]): string[] {
  const out = new Set<string>();
  for (const raw of list) {
    const r = normalizeDomain(raw);
    if (r.ok) out.add(r.domain.ascii);
    else skipped.push({ input: raw, reason: `${where}: ${r.reason}` });
  }
  return [...out];
}

type AllowedRule = { kind: 'all' } | { kind: 'list'; domains: string[] } | { kind: 'none' };

/**
 * AllowedDomains as ConvertTo-Json writes it: "AllowAllKnownDomains" or an object for open
 * federation (`{}`, `{ "AllowAllKnownDomains": {} }`), an allow list (`{ "AllowedDomain": [...] }`,
 * possibly inside `AllowList`), or null when nothing is allowed.
 */
function readAllowed(v: Json | undefined): AllowedRule | undefined {
  if (v === undefined || v === null) return { kind: 'none' };
  if (typeof v === 'string') {
    if (/^AllowAllKnownDomains$/i.test(v.trim())) return { kind: 'all' };
    const list = readDomainList(v);
    return list ? { kind: 'list', domains: list.domains } : undefined;
  }
  if (Array.isArray(v)) {
    const list = readDomainList(v);
    return list ? { kind: 'list', domains: list.domains } : undefined;
  }
  if (!isObject(v)) return undefined;
  const inner = isObject(v.AllowList) ? v.AllowList : v;
  const entries = inner.AllowedDomain ?? inner.AllowedDomains ?? inner.Domains;
  if (entries !== undefined && entries !== null) {
    const list = readDomainList(entries);
    return list ? { kind: 'list', domains: list.domains } : undefined;
  }
  if ('AllowAllKnownDomains' in v || Object.keys(v).length === 0) return { kind: 'all' };
  if ('AllowedDomain' in inner) return { kind: 'list', domains: [] };
  return undefined;
}

/** Reads one federation configuration object; a failure names the property that could not be read. */
export function readFederation(o: JsonObject): { ok: true; reading: FederationReading } | ReadFailure {
  const skipped: Skipped[] = [];
  const notes: string[] = [];
  const unmanaged: Unmanaged[] = Object.entries(o)
    .filter(([k]) => !MANAGED.has(k))
    .map(([setting, value]) => ({ setting, value: showValue(value) }));
  const settings: Partial<OrgSettings> = {};
  const fail = (property: string, value: Json | undefined): ReadFailure => ({
    ok: false,
    code: 'invalid',
    reason: `${property} has a value I cannot read (${showValue(value)}). Nothing was changed.`,
  });

  for (const [prop, key] of [
    ['AllowFederatedUsers', 'allowFederatedUsers'],
    ['BlockAllSubdomains', 'blockAllSubdomains'],
    ['AllowTeamsConsumer', 'allowTeamsConsumer'],
    ['AllowTeamsConsumerInbound', 'allowTeamsConsumerInbound'],
  ] as const) {
    if (!(prop in o)) continue;
    const b = readBoolean(o[prop]);
    if (b === undefined) return fail(prop, o[prop]);
    settings[key] = b;
  }

  const allowedRaw = 'AllowedDomains' in o ? o.AllowedDomains : o.AllowedDomainsAsAList;
  const allowed = readAllowed(allowedRaw);
  if (allowed === undefined) return fail('AllowedDomains', allowedRaw);
  const blockedList = readDomainList(o.BlockedDomains);
  if (blockedList === undefined) return fail('BlockedDomains', o.BlockedDomains);
  const blocked = cleanDomains(blockedList.domains, 'BlockedDomains', skipped);
  const allowedDomains = allowed.kind === 'list' ? cleanDomains(allowed.domains, 'AllowedDomains', skipped) : [];
  settings.domainMode = modeOf(allowed, allowedDomains, blocked);
  settings.allowedDomains = allowedDomains;
  settings.blockedDomains = blocked;
  if (allowed.kind === 'list' && blocked.length > 0) {
    notes.push(`The blocked list (${blocked.length}) is kept but not in effect: with an allow list, Teams ignores it.`);
  }

  if ('ExternalAccessWithTrialTenants' in o) {
    const t = o.ExternalAccessWithTrialTenants;
    if (typeof t === 'string' && /^(blocked|allowed)$/i.test(t.trim())) {
      settings.trialTenants = t.trim().toLowerCase() === 'allowed' ? 'Allowed' : 'Blocked';
    } else if (typeof t === 'number') {
      // Windows PowerShell 5.1 writes enums as numbers, and the enum's numbering is not documented.
      notes.push(`ExternalAccessWithTrialTenants came as the number ${t}, so it stays as it is here; run ConvertTo-Json with -EnumsAsStrings (PowerShell 7) to import it.`);
    } else return fail('ExternalAccessWithTrialTenants', t);
  }
  if ('AllowedTrialTenantDomains' in o) {
    const trial = readDomainList(o.AllowedTrialTenantDomains);
    if (trial === undefined) return fail('AllowedTrialTenantDomains', o.AllowedTrialTenantDomains);
    settings.allowedTrialTenantDomains = cleanDomains(trial.domains, 'AllowedTrialTenantDomains', skipped);
  }
  const extras = keepExtras(
    Object.entries(o).filter(([k]) => !MANAGED.has(k)),
    'Get-CsTenantFederationConfiguration',
    notes,
  );
  return { ok: true, reading: { kind: 'federation', settings, extras, unmanaged, skipped, notes } };
}

/** The admin-center rule the tenant's lists amount to. */
function modeOf(allowed: AllowedRule, allowedDomains: readonly string[], blocked: readonly string[]): DomainMode {
  if (allowed.kind === 'all') return blocked.length > 0 ? 'blockSpecific' : 'allowAll';
  return allowedDomains.length > 0 ? 'allowSpecific' : 'blockAll';
}
