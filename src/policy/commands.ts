import type { Change } from './change';
import { displayDomain, normalizeDomain } from './domain';

/** "a.com", "a.com and b.com", "a.com, b.com and c.com" (Unicode forms). */
export function listText(domains: readonly string[]): string {
  const shown = domains.map((d) => {
    const r = normalizeDomain(d);
    return r.ok ? r.domain.display : displayDomain(d);
  });
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

const onOff = (b: boolean): string => (b ? 'on' : 'off');

type PolicySettings = NonNullable<Extract<Change, { kind: 'updatePolicy' }>['settings']>;
const COMMUNICATION: Partial<Record<string, string>> = {
  OrganizationDefault: 'use the organization default',
  AllowAllExternalDomains: 'allow all external domains',
  BlockAllExternalDomains: 'block all external domains',
};

/** Policy settings as instructions ("allow only a.com") or a description ("external access off"). */
function policyText(s: PolicySettings, style: 'do' | 'with'): string | undefined {
  const parts: string[] = [];
  const sw = (on: boolean, what: string): string => (style === 'do' ? `${on ? 'allow' : 'block'} ${what}` : `${what} ${onOff(on)}`);
  if (s.enableFederationAccess !== undefined) {
    parts.push(style === 'do' ? `turn ${onOff(s.enableFederationAccess)} external access` : `external access ${onOff(s.enableFederationAccess)}`);
  }
  if (s.enableTeamsConsumerAccess !== undefined) parts.push(sw(s.enableTeamsConsumerAccess, 'unmanaged Teams accounts'));
  if (s.enableTeamsConsumerInbound !== undefined) parts.push(sw(s.enableTeamsConsumerInbound, 'inbound from unmanaged Teams accounts'));
  const c = s.communicationWithExternalOrgs;
  const allowed = s.allowedExternalDomains;
  const blocked = s.blockedExternalDomains;
  if (c === 'AllowSpecificExternalDomains' && allowed?.length && !blocked) parts.push(`allow only ${listText(allowed)}`);
  else if (c === 'BlockSpecificExternalDomains' && blocked?.length && !allowed) parts.push(`block only ${listText(blocked)}`);
  else if (c !== undefined && COMMUNICATION[c] && !allowed && !blocked) parts.push(COMMUNICATION[c]);
  else if (c !== undefined || allowed || blocked) return undefined;
  return parts.length > 0 ? parts.join(' and ') : undefined;
}

/**
 * The bot command, as a person would type it, for a change of organization `orgName`.
 * These phrasings are the contract with the language module, which parses them back.
 * Undefined for changes nobody types (restore) or that have no single phrasing. Kept in step
 * with the language module's canonical phrasing (src/language/phrase.ts).
 */
export function commandText(change: Change, orgName: string): string | undefined {
  const forOrg = `for ${orgName}`;
  switch (change.kind) {
    case 'setFederation':
      return `turn ${onOff(change.enabled)} external access ${forOrg}`;
    case 'setDomainMode':
      return {
        allowAll: `allow all external domains ${forOrg}`,
        allowSpecific: `allow only specific external domains ${forOrg}`,
        blockSpecific: `block only specific external domains ${forOrg}`,
        blockAll: `block all external domains ${forOrg}`,
      }[change.mode];
    case 'allowOnly':
      return `allow only ${listText(change.domains)} ${forOrg}`;
    case 'addAllowed':
      return `allow ${listText(change.domains)} ${forOrg}`;
    case 'removeAllowed':
      return `remove ${listText(change.domains)} from the allowed domains ${forOrg}`;
    case 'addBlocked':
      return `block ${listText(change.domains)} ${forOrg}`;
    case 'removeBlocked':
      return `unblock ${listText(change.domains)} ${forOrg}`;
    case 'setSubdomainBlocking':
      return `turn ${onOff(change.enabled)} subdomain blocking ${forOrg}`;
    case 'setTeamsConsumer': {
      const parts: string[] = [];
      if (change.outbound !== undefined) parts.push(`${change.outbound ? 'allow' : 'block'} unmanaged Teams accounts ${forOrg}`);
      if (change.inbound !== undefined) parts.push(`${change.inbound ? 'allow' : 'block'} inbound from unmanaged Teams accounts ${forOrg}`);
      return parts.length === 1 ? parts[0] : undefined;
    }
    case 'setTrialTenants':
      return `${change.allowed ? 'allow' : 'block'} trial tenants ${forOrg}`;
    case 'addTrialException':
      return `allow trial tenant ${listText(change.domains)} ${forOrg}`;
    case 'removeTrialException':
      return `remove trial tenant ${listText(change.domains)} ${forOrg}`;
    case 'createPolicy': {
      if (change.settings === undefined || Object.keys(change.settings).length === 0) return `create policy ${change.name} ${forOrg}`;
      const text = policyText(change.settings, 'with');
      return text === undefined ? undefined : `create policy ${change.name} with ${text} ${forOrg}`;
    }
    case 'updatePolicy': {
      const text = policyText(change.settings, 'do');
      return text === undefined ? undefined : `${text} in policy ${change.name} ${forOrg}`;
    }
    case 'assignPolicy':
      return `assign policy ${change.policy} to ${change.user}`;
    case 'setUserFederation':
      return `turn ${onOff(change.enabled)} external access for ${change.user}`;
    case 'setUserCoexistence':
      if (change.onPremises !== undefined && change.coexistence === undefined) return `move ${change.user} ${change.onPremises ? 'on-premises' : 'online'}`;
      if (change.coexistence !== undefined && change.onPremises === undefined) return `set ${change.user} to ${change.coexistence}`;
      return undefined;
    case 'restore':
      return undefined;
  }
}
