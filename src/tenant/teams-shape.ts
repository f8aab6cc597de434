import { GLOBAL_POLICY } from '../policy/model';
import type { OrgSettings, Organization, UserPolicy } from '../policy/model';
import type { JsonObject } from './values';

/**
 * The model in the shapes Teams PowerShell prints (`Get-CsTenantFederationConfiguration`,
 * `Get-CsExternalAccessPolicy | ConvertTo-Json`), so an export reads back through the same importer
 * as the tenant's own output.
 */
const pattern = (domain: string): JsonObject => ({ Domain: domain, Comment: null });

/**
 * AllowedDomains as Teams holds it. Teams has no "allow all, keep a blocked list unused" state: with
 * AllowAllKnownDomains a blocked list is in effect, so the blocked list is written only when the rule
 * uses it or an allow list makes Teams ignore it.
 */
export function federationShape(s: OrgSettings): JsonObject {
  const open = s.domainMode === 'allowAll' || s.domainMode === 'blockSpecific';
  return {
    Identity: 'Global',
    AllowedDomains: open ? { AllowAllKnownDomains: {} } : { AllowedDomain: s.domainMode === 'allowSpecific' ? s.allowedDomains.map(pattern) : [] },
    BlockedDomains: teamsBlockedList(s).map(pattern),
    BlockAllSubdomains: s.blockAllSubdomains,
    AllowFederatedUsers: s.allowFederatedUsers,
    AllowTeamsConsumer: s.allowTeamsConsumer,
    AllowTeamsConsumerInbound: s.allowTeamsConsumerInbound,
    ExternalAccessWithTrialTenants: s.trialTenants,
    AllowedTrialTenantDomains: [...s.allowedTrialTenantDomains],
  };
}

/** The blocked list Teams can hold for this rule without changing what it decides. */
export function teamsBlockedList(s: OrgSettings): string[] {
  return s.domainMode === 'allowAll' ? [] : [...s.blockedDomains];
}

export function policyShape(p: UserPolicy): JsonObject {
  return {
    Identity: p.name === GLOBAL_POLICY ? 'Global' : `Tag:${p.name}`,
    EnableFederationAccess: p.enableFederationAccess,
    EnableTeamsConsumerAccess: p.enableTeamsConsumerAccess,
    EnableTeamsConsumerInbound: p.enableTeamsConsumerInbound,
    CommunicationWithExternalOrgs: p.communicationWithExternalOrgs,
    AllowedExternalDomains: [...p.allowedExternalDomains],
    BlockedExternalDomains: [...p.blockedExternalDomains],
  };
}

/** Every user the model knows, with the policy assigned (Global when none). */
export function assignmentsOf(org: Organization): { user: string; policy: string }[] {
  return org.users.map((u) => ({ user: u.address, policy: u.policy ?? GLOBAL_POLICY }));
}
