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

const MODE = {
  allowAll: 'allow all external domains',
  allowSpecific: 'allow only specific external domains',
  blockSpecific: 'block only specific external domains',
  blockAll: 'block all external domains',
} as const;

/**
 * The canonical text of a change, as a person would type it, with `change.org` (when not empty) as
 * the organization named ("… for Contoso West"). The language module parses these back and uses them
 * for its examples and suggestions; undefined for changes nobody types (restore) or without one
 * phrasing.
 */
export function phraseChange(c: Change): string | undefined {
  const o = c.org ? ` for ${c.org}` : '';
  switch (c.kind) {
    case 'setFederation': return `turn ${onOff(c.enabled)} external access${o}`;
    case 'setDomainMode': return `${MODE[c.mode]}${o}`;
    case 'allowOnly': return `allow only ${listText(c.domains)}${o}`;
    case 'addAllowed': return `allow ${listText(c.domains)}${o}`;
    case 'removeAllowed': return `remove ${listText(c.domains)} from the allowed domains${o}`;
    case 'addBlocked': return `block ${listText(c.domains)}${o}`;
    case 'removeBlocked': return `unblock ${listText(c.domains)}${o}`;
    case 'setSubdomainBlocking': return `turn ${onOff(c.enabled)} subdomain blocking${o}`;
    case 'setTeamsConsumer':
      if (c.outbound !== undefined && c.inbound === undefined) return `${c.outbound ? 'allow' : 'block'} unmanaged Teams accounts${o}`;
      if (c.inbound !== undefined && c.outbound === undefined) return `${c.inbound ? 'allow' : 'block'} inbound from unmanaged Teams accounts${o}`;
      return undefined;
    case 'setTrialTenants': return `${c.allowed ? 'allow' : 'block'} trial tenants${o}`;
    case 'addTrialException': return `allow trial tenant ${listText(c.domains)}${o}`;
    case 'removeTrialException': return `remove trial tenant ${listText(c.domains)}${o}`;
    case 'createPolicy': {
      if (c.settings === undefined || Object.keys(c.settings).length === 0) return `create policy ${c.name}${o}`;
      const text = policyText(c.settings, 'with');
      return text === undefined ? undefined : `create policy ${c.name} with ${text}${o}`;
    }
    case 'updatePolicy': {
      const text = policyText(c.settings, 'do');
      return text === undefined ? undefined : `${text} in policy ${c.name}${o}`;
    }
    case 'assignPolicy': return `assign policy ${c.policy} to ${c.user}${o}`;
    case 'setUserFederation': return `turn ${onOff(c.enabled)} external access for ${c.user}${o}`;
    case 'setUserCoexistence':
      if (c.coexistence !== undefined && c.onPremises === undefined) return `set ${c.user} to ${c.coexistence}${o}`;
      if (c.onPremises !== undefined && c.coexistence === undefined) return `move ${c.user} ${c.onPremises ? 'on-premises' : 'online'}${o}`;
      return undefined;
    case 'setUserAllowOnly': return `let ${c.user} talk only to ${listText(c.domains)}${o}`;
    case 'several': {
      const parts = c.changes.map((x) => phraseChange({ ...x, org: '' }));
      return parts.every((x): x is string => x !== undefined) ? `${parts.join(' and ')}${o}` : undefined;
    }
    case 'restore': return undefined;
    case 'import': return undefined;
  }
}

const USER_CHANGES: ReadonlySet<Change['kind']> = new Set(['assignPolicy', 'setUserFederation', 'setUserCoexistence', 'setUserAllowOnly']);

/**
 * The bot command that makes `change` in organization `orgName` (a fix's "how"). A change to one
 * user names the user, whose address already says the organization.
 */
export function commandText(change: Change, orgName: string): string | undefined {
  return phraseChange({ ...change, org: USER_CHANGES.has(change.kind) ? '' : orgName });
}
