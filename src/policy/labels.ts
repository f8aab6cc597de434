import { ADMIN_CENTER } from './admin-center';
import type { DomainMode, UserPolicy } from './model';

/** Today's admin-center wording for the domain choice (from data/admin-center-labels.json). */
export const MODE_LABELS: Readonly<Record<DomainMode, string>> = ADMIN_CENTER.modes;

/**
 * The seed's Skype for Business Online legacy portal wording, where one applies: open federation
 * and a block list were both "On except for blocked domains" (the default).
 */
export function legacyLabel(mode: DomainMode): string | undefined {
  if (mode === 'allowSpecific') return ADMIN_CENTER.legacy.allowSpecific;
  if (mode === 'allowAll' || mode === 'blockSpecific') return ADMIN_CENTER.legacy.open;
  return undefined;
}

/** One line on what a user policy does. */
export function policySummary(p: UserPolicy): string {
  if (!p.enableFederationAccess) return 'external access off';
  const rule = {
    OrganizationDefault: "the organization's domain rule",
    AllowAllExternalDomains: 'all external domains (replaces the organization rule)',
    AllowSpecificExternalDomains: `only ${p.allowedExternalDomains.length} specific domain(s) (replaces the organization rule)`,
    BlockSpecificExternalDomains: `all but ${p.blockedExternalDomains.length} blocked domain(s) (replaces the organization rule)`,
    BlockAllExternalDomains: 'no external domains (replaces the organization rule)',
  }[p.communicationWithExternalOrgs];
  const consumer = p.enableTeamsConsumerAccess ? (p.enableTeamsConsumerInbound ? '' : '; unmanaged accounts cannot start') : '; unmanaged accounts off';
  return `external access on: ${rule}${consumer}`;
}
