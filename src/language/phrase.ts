import { displayDomain } from '../policy/domain';
import type { Change } from '../policy/change';
import type { Command } from './command';

/** "a.com", "a.com and b.com", "a.com, b.com and c.com", in Unicode. */
export function listText(domains: readonly string[]): string {
  const shown = domains.map(displayDomain);
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

const onOff = (b: boolean): string => (b ? 'on' : 'off');
const forOrg = (org: string | undefined): string => (org ? ` for ${org}` : '');
const MODE = {
  allowAll: 'allow all external domains',
  allowSpecific: 'allow only specific external domains',
  blockSpecific: 'block only specific external domains',
  blockAll: 'block all external domains',
} as const;
const COMMUNICATION = {
  OrganizationDefault: 'use the organization default',
  AllowAllExternalDomains: 'allow all external domains',
  BlockAllExternalDomains: 'block all external domains',
} as const;

type PolicySettings = NonNullable<Extract<Change, { kind: 'updatePolicy' }>['settings']>;

/** Policy settings as instructions ("turn off external access") or as a description ("external access off"). */
function policySettings(s: PolicySettings, style: 'do' | 'with'): string | undefined {
  const parts: string[] = [];
  const sw = (on: boolean, what: string): string =>
    style === 'do' ? `${on ? 'allow' : 'block'} ${what}` : `${what} ${onOff(on)}`;
  if (s.enableFederationAccess !== undefined) {
    parts.push(style === 'do' ? `turn ${onOff(s.enableFederationAccess)} external access` : `external access ${onOff(s.enableFederationAccess)}`);
  }
  if (s.enableTeamsConsumerAccess !== undefined) parts.push(sw(s.enableTeamsConsumerAccess, 'unmanaged Teams accounts'));
  if (s.enableTeamsConsumerInbound !== undefined) parts.push(sw(s.enableTeamsConsumerInbound, 'inbound from unmanaged Teams accounts'));
  const c = s.communicationWithExternalOrgs;
  const lead = '';
  if (c === 'AllowSpecificExternalDomains' && s.allowedExternalDomains?.length && !s.blockedExternalDomains) {
    parts.push(`${lead}allow only ${listText(s.allowedExternalDomains)}`);
  } else if (c === 'BlockSpecificExternalDomains' && s.blockedExternalDomains?.length && !s.allowedExternalDomains) {
    parts.push(`${lead}block only ${listText(s.blockedExternalDomains)}`);
  } else if (c !== undefined && c in COMMUNICATION && !s.allowedExternalDomains && !s.blockedExternalDomains) {
    parts.push(`${lead}${COMMUNICATION[c as keyof typeof COMMUNICATION]}`);
  } else if (c !== undefined || s.allowedExternalDomains || s.blockedExternalDomains) return undefined;
  return parts.length > 0 ? parts.join(' and ') : undefined;
}

/** The canonical text of a change: what the help card shows and what parses back to it. */
export function phraseChange(c: Change): string | undefined {
  const o = forOrg(c.org);
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
      const s = policySettings(c.settings, 'with');
      return s === undefined ? undefined : `create policy ${c.name} with ${s}${o}`;
    }
    case 'updatePolicy': {
      const s = policySettings(c.settings, 'do');
      return s === undefined ? undefined : `${s} in policy ${c.name}${o}`;
    }
    case 'assignPolicy': return `assign policy ${c.policy} to ${c.user}${o}`;
    case 'setUserFederation': return `turn ${onOff(c.enabled)} external access for ${c.user}${o}`;
    case 'setUserCoexistence':
      if (c.coexistence !== undefined && c.onPremises === undefined) return `set ${c.user} to ${c.coexistence}${o}`;
      if (c.onPremises !== undefined && c.coexistence === undefined) return `move ${c.user} ${c.onPremises ? 'on-premises' : 'online'}${o}`;
      return undefined;
    case 'restore': return undefined;
  }
}

const MEDIUM = { chat: 'chat with', call: 'call', meet: 'meet' } as const;

/**
 * The canonical text of a command, or undefined when it has none (restore, a policy edit of lists).
 * Suggestions are built with it, so whatever it returns must parse back to the same command.
 */
export function phrase(command: Command): string | undefined {
  switch (command.kind) {
    case 'change': return phraseChange(command.change);
    case 'reach': {
      const verb = command.medium ? MEDIUM[command.medium] : 'reach';
      return command.from ? `can ${command.from} ${verb} ${command.to}?` : `can I ${verb} ${command.to}?`;
    }
    case 'domainStatus': return `is ${displayDomain(command.domain)} blocked${forOrg(command.orgRef)}?`;
    case 'whoCanWeTalkTo': return command.orgRef ? `who can ${command.orgRef} talk to?` : 'who can we talk to?';
    case 'matrix': return 'who can reach whom?';
    case 'showSettings': {
      const list = { allowed: 'show allowed domains', blocked: 'show blocked domains', trial: 'show trial tenant exceptions' };
      if (command.page !== undefined) return undefined;
      return `${command.list ? list[command.list] : 'show settings'}${forOrg(command.orgRef)}`;
    }
    case 'comparison': return command.edition === '2019' ? 'show the 2019 comparison table' : 'compare external and guest access';
    case 'feature': return undefined;
    case 'help': return 'help';
    case 'confirm': return 'yes';
    case 'cancel': return 'cancel';
    case 'undo': return command.entryId ? undefined : `undo${forOrg(command.orgRef)}`;
    case 'history': return command.page !== undefined ? undefined : `history${forOrg(command.orgRef)}`;
  }
}
