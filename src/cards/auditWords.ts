import type { AuditEntry } from '../store/types';
import { auditChange, describeValue } from './format';

/**
 * A stored path and its values in the words of the settings card ("Domain rule: Block only listed →
 * Allow all"), never the store's field names and enum values.
 */
const MODES: Readonly<Record<string, string>> = {
  allowAll: 'Allow all',
  allowSpecific: 'Allow only listed',
  blockSpecific: 'Block only listed',
  blockAll: 'Block all',
};
const COMMUNICATION: Readonly<Record<string, string>> = {
  OrganizationDefault: "the organization's domain rule",
  AllowAllExternalDomains: 'all external domains',
  AllowSpecificExternalDomains: 'only listed domains',
  BlockSpecificExternalDomains: 'all but listed domains',
  BlockAllExternalDomains: 'no external domains',
};
const onOff = (v: unknown) => (v === true ? 'on' : v === false ? 'off' : describeValue(v));
const allowed = (v: unknown) => (v === true ? 'allowed' : v === false ? 'blocked' : describeValue(v));

const SETTINGS: Readonly<Record<string, { label: string; value: (v: unknown) => string }>> = {
  'settings.allowFederatedUsers': { label: 'External access', value: onOff },
  'settings.domainMode': { label: 'Domain rule', value: (v) => (typeof v === 'string' ? (MODES[v] ?? v) : describeValue(v)) },
  'settings.allowedDomains': { label: 'Allowed domains', value: (v) => describeValue(v) },
  'settings.blockedDomains': { label: 'Blocked domains', value: (v) => describeValue(v) },
  'settings.blockAllSubdomains': { label: 'Block subdomains too', value: onOff },
  'settings.allowTeamsConsumer': { label: 'Unmanaged Teams accounts', value: allowed },
  'settings.allowTeamsConsumerInbound': { label: 'Unmanaged Teams accounts may start chats', value: (v) => (v === true ? 'yes' : v === false ? 'no' : describeValue(v)) },
  'settings.trialTenants': { label: 'Trial-only tenants', value: (v) => (typeof v === 'string' ? v.toLowerCase() : describeValue(v)) },
  'settings.allowedTrialTenantDomains': { label: 'Allowed trial tenants', value: (v) => describeValue(v) },
};

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

function policyWords(v: unknown): string {
  if (v === undefined || v === null) return '(no such policy)';
  if (!isRec(v)) return describeValue(v);
  if (v.enableFederationAccess === false) return 'external access off';
  const rule = typeof v.communicationWithExternalOrgs === 'string' ? (COMMUNICATION[v.communicationWithExternalOrgs] ?? v.communicationWithExternalOrgs) : '';
  const consumer = v.enableTeamsConsumerAccess === false ? '; unmanaged accounts off' : v.enableTeamsConsumerInbound === false ? '; unmanaged accounts cannot start' : '';
  return `external access on${rule ? `: ${rule}` : ''}${consumer}`;
}

function userWords(v: unknown): string {
  if (v === undefined || v === null) return '(not listed)';
  if (!isRec(v)) return describeValue(v);
  const parts = [
    typeof v.policy === 'string' ? `policy ${v.policy}` : 'Global policy',
    typeof v.coexistence === 'string' ? `${v.coexistence}` : '',
    v.onPremises === true ? 'homed on-premises' : v.onPremises === false ? 'homed online' : '',
  ];
  return parts.filter((p) => p !== '').join(', ');
}

/** One touched path of an audit entry in words: its label, and the before and after values. */
export function auditWords(entry: AuditEntry, path: string): { label: string; before: string; after: string } {
  const known = SETTINGS[path];
  const listed = entry.lists?.[path] !== undefined;
  if (known) {
    if (listed) return { label: known.label, ...auditChange(entry, path) };
    return { label: known.label, before: known.value(entry.before[path]), after: known.value(entry.after[path]) };
  }
  if (path.startsWith('policies.')) {
    return { label: `User policy ${path.slice('policies.'.length)}`, before: policyWords(entry.before[path]), after: policyWords(entry.after[path]) };
  }
  if (path.startsWith('users.')) {
    return { label: path.slice('users.'.length), before: userWords(entry.before[path]), after: userWords(entry.after[path]) };
  }
  return { label: path, ...auditChange(entry, path) };
}
