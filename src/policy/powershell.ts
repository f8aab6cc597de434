/**
 * The PowerShell this bot suggests, in one place so fixes and tenant export print the same strings.
 * Value types follow the Set-CsTenantFederationConfiguration reference (Microsoft Learn, MicrosoftTeams
 * module): -BlockedDomains takes domain objects from New-CsEdgeDomainPattern inside @{Add=…}/@{Remove=…}
 * (examples 3 and 4); -AllowedDomainsAsAList and -AllowedTrialTenantDomains take a
 * Collections.Generic.List[String] inside @{Add=…} (examples 7 and 14).
 */

const CMD = 'Set-CsTenantFederationConfiguration';

/** A PowerShell string literal: double quotes, with PowerShell's own escapes for ", ` and $. */
export function psString(value: string): string {
  return `"${value.replace(/[`"$]/g, (c) => `\`${c}`)}"`;
}

/** [System.Collections.Generic.List[String]]@("a.com", "b.com"). */
export function psStringList(values: readonly string[]): string {
  return `[System.Collections.Generic.List[String]]@(${values.map(psString).join(', ')})`;
}

const onOff = (b: boolean): string => (b ? '$true' : '$false');

/** Reads the settings a fix depends on, before anything is changed. */
export const getFederationConfiguration = (): string =>
  'Get-CsTenantFederationConfiguration | Format-List AllowFederatedUsers, AllowedDomains, BlockedDomains, BlockAllSubdomains, AllowTeamsConsumer, AllowTeamsConsumerInbound, ExternalAccessWithTrialTenants, AllowedTrialTenantDomains';

export const setAllowFederatedUsers = (on: boolean): string => `${CMD} -AllowFederatedUsers ${onOff(on)}`;

/** Unblock on a block list: removes only these entries, the mode stays. */
export const removeBlockedDomain = (domain: string): string =>
  `${CMD} -BlockedDomains @{Remove=(New-CsEdgeDomainPattern -Domain ${psString(domain)})}`;

export const addBlockedDomain = (domain: string): string =>
  `${CMD} -BlockedDomains @{Add=(New-CsEdgeDomainPattern -Domain ${psString(domain)})}`;

/**
 * Add to an allow list. Only for a tenant already on "Allow only specific external domains": on open
 * federation or a block list it switches the tenant to allow-only and cuts off every other partner.
 */
export const addAllowedDomains = (domains: readonly string[]): string => `${CMD} -AllowedDomainsAsAList @{Add=${psStringList(domains)}}`;

export const removeAllowedDomains = (domains: readonly string[]): string => `${CMD} -AllowedDomainsAsAList @{Remove=${psStringList(domains)}}`;

export const addTrialTenantDomains = (domains: readonly string[]): string => `${CMD} -AllowedTrialTenantDomains @{Add=${psStringList(domains)}}`;

export const setTeamsConsumer = (which: 'outbound' | 'inbound', on: boolean): string =>
  `${CMD} -${which === 'inbound' ? 'AllowTeamsConsumerInbound' : 'AllowTeamsConsumer'} ${onOff(on)}`;

export const setBlockAllSubdomains = (on: boolean): string => `${CMD} -BlockAllSubdomains ${onOff(on)}`;

/** Assigning a policy (Grant-CsExternalAccessPolicy): the name is a placeholder the admin picks. */
export const grantExternalAccessPolicy = (user: string, policyName: string): string =>
  `Grant-CsExternalAccessPolicy -Identity ${psString(user)} -PolicyName ${policyName.startsWith('<') ? policyName : psString(policyName)}`;

/** Hybrid move of an on-premises user to Teams Only (Move-CsUser, "Move users between on-premises and cloud"). */
export const moveUserToTeams = (user: string): string => `Move-CsUser -Identity ${psString(user)} -Target sipfed.online.lync.com -MoveToTeams`;

/**
 * Skype for Business Server (on-premises) federation: allow a partner domain on the Edge
 * (New-CsAllowedDomain, Skype for Business Server Management Shell), needed when the on-premises
 * deployment allows only listed partners.
 */
export const newCsAllowedDomain = (domain: string): string => `New-CsAllowedDomain -Identity ${psString(domain)}`;
