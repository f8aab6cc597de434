import type { Change } from '../change';
import { displayDomain } from '../domain';
import { differingMiddle } from '../list-middle';
import { domainSet } from '../model-index';
import { MODE_LABELS, policySummary } from '../labels';
import type { DomainMode, OrgSettings, Organization, TenantExtras, User, UserPolicy } from '../model';
import type { DiffLine } from '../types';

/** What a change touched, its before/after values and the restore change that undoes it. */
export interface Touched {
  paths: string[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  inverse: Extract<Change, { kind: 'restore' }>;
  diff: DiffLine[];
}

/**
 * Equal as JSON. A change shares what it did not touch with the organization before it, so the same
 * object (or list) is the usual case, and a domain list is compared element by element: stringifying
 * every 4,000-domain list of an organization twice per plan was its longest step and its most garbage.
 */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    // Lists of another length, or with two different strings at one place, never stringify alike.
    if (a.length !== b.length) return false;
    const differ = a.findIndex((x, i) => x !== b[i]);
    if (differ < 0) return true;
    if (typeof a[differ] === 'string' && typeof b[differ] === 'string') return false;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}
/**
 * A value the plan keeps, not shared with the organization it came from. A frozen value (every value
 * of a model the store holds, every list a step makes) cannot change, so it is kept as it is: copying
 * a 4,000-domain list three times per plan was most of what a plan cost.
 */
const copy = <T>(v: T): T => (typeof v !== 'object' || v === null || Object.isFrozen(v) ? v : (JSON.parse(JSON.stringify(v)) as T));

const SETTING_LABELS: Record<keyof OrgSettings, string> = {
  allowFederatedUsers: 'External access (AllowFederatedUsers)',
  domainMode: 'Domain rule',
  allowedDomains: 'Allowed domains',
  blockedDomains: 'Blocked domains',
  blockAllSubdomains: 'Block subdomains of blocked domains',
  allowTeamsConsumer: 'Unmanaged Teams accounts (AllowTeamsConsumer)',
  allowTeamsConsumerInbound: 'Unmanaged accounts may start (AllowTeamsConsumerInbound)',
  trialTenants: 'Trial-only tenants (ExternalAccessWithTrialTenants)',
  allowedTrialTenantDomains: 'Allowed trial tenant domains',
};

function showSetting(key: keyof OrgSettings, v: unknown, other: unknown): string {
  if (typeof v === 'boolean') return v ? 'On' : 'Off';
  if (key === 'domainMode') return MODE_LABELS[v as DomainMode];
  if (Array.isArray(v)) {
    const list = v as string[];
    if (list.length === 0) return '(none)';
    if (list.length <= 10) return list.map(displayDomain).join(', ');
    return `${list.length} domains${shownExtra(list, Array.isArray(other) ? (other as string[]) : [])}`;
  }
  return String(v);
}

/**
 * " (incl. a.com, b.com)": the first ten entries of `list` that `other` lacks. Only the entries between
 * the two lists' common start and end can be missing from `other`, and a change adds a few. When no
 * two entries of `list` share a key, such an entry is not also at the common start or end, so it is
 * in `other` only if among other's entries between them: a few to look through, not the whole list.
 */
function shownExtra(list: readonly string[], other: readonly string[]): string {
  const { before: between, after: candidates } = differingMiddle(other, list);
  const lookIn = domainSet(list).size === list.length ? between : other;
  const inOther = candidates.length > 16 ? new Set(lookIn) : undefined;
  const extra: string[] = [];
  for (const d of candidates) {
    if (extra.length === 10) break;
    if (!(inOther ? inOther.has(d) : lookIn.includes(d))) extra.push(displayDomain(d));
  }
  return extra.length ? ` (incl. ${extra.join(', ')})` : '';
}

const showPolicy = (p: UserPolicy | undefined): string => (p ? policySummary(p) : '(none)');
const showUser = (u: User | undefined): string =>
  u ? `policy ${u.policy ?? 'Global'}, ${u.coexistence}, ${u.onPremises ? 'on-premises' : 'online'}` : '(not listed)';

/** Compare an organization before and after a change, key by key. */
export function touchedBetween(before: Organization, after: Organization): Touched {
  const t: Touched = { paths: [], before: {}, after: {}, inverse: { kind: 'restore', org: before.id }, diff: [] };
  const sb = before.settings;
  const sa = after.settings;
  if (sb && sa) {
    const settings: Partial<OrgSettings> = {};
    for (const key of Object.keys(sa) as (keyof OrgSettings)[]) {
      if (same(sb[key], sa[key])) continue;
      const path = `settings.${key}`;
      t.paths.push(path);
      t.before[path] = copy(sb[key]);
      t.after[path] = copy(sa[key]);
      (settings as Record<string, unknown>)[key] = copy(sb[key]);
      t.diff.push({ label: SETTING_LABELS[key], before: showSetting(key, sb[key], sa[key]), after: showSetting(key, sa[key], sb[key]) });
    }
    if (Object.keys(settings).length > 0) t.inverse.settings = settings;
  }
  const policies = keyed(before.policies, after.policies, (p) => p.name);
  if (policies.length > 0) t.inverse.policies = {};
  for (const [name, b, a] of policies) {
    const path = `policies.${name}`;
    t.paths.push(path);
    t.before[path] = b ? copy(b) : null;
    t.after[path] = a ? copy(a) : null;
    t.inverse.policies![name] = b ? copy(b) : null;
    t.diff.push({ label: `Policy ${name}`, before: showPolicy(b), after: showPolicy(a) });
  }
  const users = keyed(before.users, after.users, (u) => u.address);
  if (users.length > 0) t.inverse.users = {};
  for (const [address, b, a] of users) {
    const path = `users.${address}`;
    t.paths.push(path);
    t.before[path] = b ? copy(b) : null;
    t.after[path] = a ? copy(a) : null;
    t.inverse.users![address] = b ? copy(b) : null;
    t.diff.push({ label: address, before: showUser(b), after: showUser(a) });
  }
  if (!same(before.tenantExtras ?? null, after.tenantExtras ?? null)) {
    const path = 'tenantExtras';
    t.paths.push(path);
    t.before[path] = before.tenantExtras ? copy(before.tenantExtras) : null;
    t.after[path] = after.tenantExtras ? copy(after.tenantExtras) : null;
    t.inverse.tenantExtras = before.tenantExtras ? copy(before.tenantExtras) : null;
    t.diff.push({ label: 'Not managed here (as read from the tenant)', before: showExtras(before.tenantExtras), after: showExtras(after.tenantExtras) });
  }
  return t;
}

function showExtras(e: TenantExtras | undefined): string {
  const federation = Object.keys(e?.federation ?? {}).length;
  const policies = Object.values(e?.policies ?? {}).reduce((n, m) => n + Object.keys(m).length, 0);
  if (federation + policies === 0) return '(none)';
  const total = `${federation + policies} ${federation + policies === 1 ? 'property' : 'properties'}`;
  return federation > 0 && policies > 0 ? `${total} (${federation} of the organization, ${policies} of its policies)` : total;
}

/** Entries that differ between two lists keyed by `keyOf`, in before-then-new order. */
function keyed<T>(before: readonly T[], after: readonly T[], keyOf: (t: T) => string): [string, T | undefined, T | undefined][] {
  // The same list (a change of settings keeps the policies and users): nothing to key.
  if (before === after) return [];
  const b = new Map(before.map((x) => [keyOf(x), x]));
  const a = new Map(after.map((x) => [keyOf(x), x]));
  const keys = [...new Set([...b.keys(), ...a.keys()])];
  return keys.filter((k) => !same(b.get(k), a.get(k))).map((k) => [k, b.get(k), a.get(k)]);
}
