import type { Change } from './change';
import { commandText } from './commands';
import { displayDomain } from './domain';
import type { DomainRuleResult } from './domain-rule';
import { domainKey } from './model-index';
import type { ResolvedParticipant } from './participant';
import type { Fix } from './types';

const CENTER = 'Teams admin center > Users > External access';

function ours(self: ResolvedParticipant, summary: string, change: Change): Fix {
  const orgId = self.participant.orgId ?? '';
  const text = commandText(change, self.participant.orgName);
  return { who: 'ourAdmin', orgId, orgName: self.participant.orgName, summary, change, ...(text ? { command: text } : {}) };
}

function theirs(self: ResolvedParticipant, summary: string, adminCenter: string, powershell: string): Fix {
  return {
    who: 'theirAdmin',
    ...(self.participant.orgId ? { orgId: self.participant.orgId } : {}),
    orgName: self.participant.orgName,
    summary,
    adminCenter: `${CENTER} > ${adminCenter}`,
    powershell,
  };
}

const managed = (self: ResolvedParticipant): boolean => self.kind === 'managed' && self.participant.orgId !== undefined;

export function fixMasterSwitch(self: ResolvedParticipant): Fix {
  const org = self.participant.orgId ?? '';
  return managed(self)
    ? ours(self, `Turn on external access for ${self.participant.orgName}.`, { kind: 'setFederation', org, enabled: true })
    : theirs(self, `The admin of ${self.participant.orgName} must turn on external access.`, 'Organization settings: turn on "Teams and Skype for Business users in external organizations"', 'Set-CsTenantFederationConfiguration -AllowFederatedUsers $true');
}

export function fixUserFederation(self: ResolvedParticipant): Fix {
  const user = self.participant.address;
  return managed(self)
    ? ours(self, `Give ${user} a policy with external access on.`, { kind: 'setUserFederation', org: self.participant.orgId ?? '', user, enabled: true })
    : theirs(self, `The admin of ${self.participant.orgName} must give ${user} a policy with external access on.`, 'Policies: an external access policy with "External access with Teams and Skype for Business users from other organizations" on', `Grant-CsExternalAccessPolicy -Identity ${user} -PolicyName <a policy with EnableFederationAccess $true>`);
}

/** Fix for a domain rule of `self` that does not permit `domain`. */
export function fixDomainRule(self: ResolvedParticipant, rule: DomainRuleResult | undefined, domain: string): Fix {
  const shown = displayDomain(domain);
  if (!managed(self) || rule === undefined) {
    return theirs(
      self,
      `The admin of ${self.participant.orgName} must allow ${shown}: add it if they allow only specific domains, or remove it from their blocked domains.`,
      `Allow or block external domains: allow ${shown}`,
      `Set-CsTenantFederationConfiguration -AllowedDomainsAsAList @{Add="${domain}"}`,
    );
  }
  const org = self.participant.orgId ?? '';
  const orgName = self.participant.orgName;
  const user = self.participant.address;
  const p = self.policy?.policy;
  switch (rule.rule) {
    case 'blockSpecific.listed':
      return ours(self, `Unblock ${shown} for ${orgName}.`, { kind: 'removeBlocked', org, domains: [domain] });
    case 'blockSpecific.subdomain':
      return ours(self, `${shown} is covered by blocked ${displayDomain(rule.matched ?? '')}: turn off subdomain blocking, or unblock ${displayDomain(rule.matched ?? '')}.`, { kind: 'setSubdomainBlocking', org, enabled: false });
    case 'policy.allowSpecific.notListed': {
      const allowedExternalDomains = [...(p?.allowedExternalDomains ?? []), domain];
      return ours(self, `Add ${shown} to the allowed domains of policy ${p?.name}.`, { kind: 'updatePolicy', org, name: p?.name ?? '', settings: { communicationWithExternalOrgs: 'AllowSpecificExternalDomains', allowedExternalDomains } });
    }
    case 'policy.blockSpecific.listed': {
      const rest = (p?.blockedExternalDomains ?? []).filter((d) => domainKey(d) !== domain);
      const settings = rest.length > 0
        ? { communicationWithExternalOrgs: 'BlockSpecificExternalDomains' as const, blockedExternalDomains: rest }
        : { communicationWithExternalOrgs: 'AllowAllExternalDomains' as const };
      return ours(self, `Remove ${shown} from the blocked domains of policy ${p?.name}.`, { kind: 'updatePolicy', org, name: p?.name ?? '', settings });
    }
    case 'policy.blockAll':
      return ours(self, `Policy ${p?.name} blocks all external domains: assign ${user} the Global policy.`, { kind: 'assignPolicy', org, user, policy: 'Global' });
    default:
      // allowSpecific.notListed and blockAll: adding the domain to the allow list lets it through.
      return ours(self, `Allow ${shown} for ${orgName}.`, { kind: 'addAllowed', org, domains: [domain] });
  }
}

export function fixTrial(self: ResolvedParticipant, domain: string): Fix {
  const shown = displayDomain(domain);
  return managed(self)
    ? ours(self, `Add ${shown} to the allowed trial tenant domains of ${self.participant.orgName}.`, { kind: 'addTrialException', org: self.participant.orgId ?? '', domains: [domain] })
    : theirs(self, `The admin of ${self.participant.orgName} must allow the trial-only tenant ${shown}.`, 'Organization settings: trial tenants, add an allowed trial tenant domain', `Set-CsTenantFederationConfiguration -AllowedTrialTenantDomains @{Add="${domain}"}`);
}

/** Fix for unmanaged (personal) Teams accounts: outbound (talk to them) or inbound (they may start). */
export function fixConsumer(self: ResolvedParticipant, which: 'outbound' | 'inbound', source: 'org' | 'policy'): Fix {
  const orgName = self.participant.orgName;
  const inbound = which === 'inbound';
  if (!managed(self)) {
    return theirs(
      self,
      `The admin of ${orgName} must ${inbound ? 'let unmanaged Teams accounts start conversations' : 'allow unmanaged Teams accounts'}.`,
      `Teams accounts not managed by an organization: ${inbound ? '"External users can start conversations with people in my organization" on' : 'on'}`,
      `Set-CsTenantFederationConfiguration -${inbound ? 'AllowTeamsConsumerInbound' : 'AllowTeamsConsumer'} $true`,
    );
  }
  const org = self.participant.orgId ?? '';
  if (source === 'org') {
    return ours(self, `${inbound ? 'Allow inbound from' : 'Allow'} unmanaged Teams accounts for ${orgName}.`, { kind: 'setTeamsConsumer', org, ...(inbound ? { inbound: true } : { outbound: true }) });
  }
  const name = self.policy?.policy.name ?? 'Global';
  const what = inbound ? 'inbound from unmanaged Teams accounts' : 'unmanaged Teams accounts';
  return ours(self, `Allow ${what} in policy ${name}.`, { kind: 'updatePolicy', org, name, settings: inbound ? { enableTeamsConsumerInbound: true } : { enableTeamsConsumerAccess: true } });
}

export function fixOnPremises(self: ResolvedParticipant): Fix {
  const user = self.participant.address;
  return managed(self)
    ? ours(self, `${user} is homed on-premises in Skype for Business: move the user online (hybrid move to Teams).`, { kind: 'setUserCoexistence', org: self.participant.orgId ?? '', user, onPremises: false })
    : theirs(self, `The admin of ${self.participant.orgName} must move ${user} online.`, 'not in the admin center: move the user with Move-CsUser', `Move-CsUser -Identity ${user} -Target sipfed.online.lync.com -MoveToTeams`);
}

/** The sender typed something that is not an address. */
export function fixAddress(reason: string): Fix {
  return { who: 'user', summary: `Check the address: ${reason}. Search people by their full email address.` };
}
