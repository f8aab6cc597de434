import { ADMIN_CENTER, orgSettingsPath, policiesPath } from './admin-center';
import type { Change } from './change';
import { commandText } from './commands';
import { displayDomain } from './domain';
import type { DomainRuleResult } from './domain-rule';
import { domainKey } from './model-index';
import type { ResolvedParticipant } from './participant';
import * as ps from './powershell';
import type { Fix } from './types';

function ours(self: ResolvedParticipant, summary: string, change: Change): Fix {
  const orgId = self.participant.orgId ?? '';
  const text = commandText(change, self.participant.orgName);
  return { who: 'ourAdmin', orgId, orgName: self.participant.orgName, summary, change, ...(text ? { command: text } : {}) };
}

/** A fix for an organization not managed here; `adminCenter` undefined when the admin center has no control for it. */
function theirs(self: ResolvedParticipant, summary: string, adminCenter: string | undefined, powershell: string, more: Pick<Fix, 'check' | 'options'> = {}): Fix {
  return {
    who: 'theirAdmin',
    ...(self.participant.orgId ? { orgId: self.participant.orgId } : {}),
    orgName: self.participant.orgName,
    summary,
    ...(adminCenter ? { adminCenter } : {}),
    powershell,
    ...more,
  };
}

const managed = (self: ResolvedParticipant): boolean => self.kind === 'managed' && self.participant.orgId !== undefined;
const FEDERATION = (): string => orgSettingsPath(ADMIN_CENTER.federationSection);

export function fixMasterSwitch(self: ResolvedParticipant): Fix {
  const org = self.participant.orgId ?? '';
  // The admin center has no switch of that name: the "Teams and Skype for Business users in external
  // organizations" section's domain choice is the control, and "Block all external domains" there is off.
  return managed(self)
    ? ours(self, `Turn on external access (AllowFederatedUsers) for ${self.participant.orgName}.`, { kind: 'setFederation', org, enabled: true })
    : theirs(
        self,
        `The admin of ${self.participant.orgName} must turn on external access (AllowFederatedUsers).`,
        `${FEDERATION()}: under "${ADMIN_CENTER.domainChoice}", pick any choice but "${ADMIN_CENTER.modes.blockAll}"`,
        ps.setAllowFederatedUsers(true),
      );
}

export function fixUserFederation(self: ResolvedParticipant): Fix {
  const user = self.participant.address;
  return managed(self)
    ? ours(self, `Give ${user} a policy with external access on (EnableFederationAccess).`, { kind: 'setUserFederation', org: self.participant.orgId ?? '', user, enabled: true })
    : theirs(self, `The admin of ${self.participant.orgName} must give ${user} a policy with external access on (EnableFederationAccess).`, `${policiesPath()}: a policy with "${ADMIN_CENTER.policyFederation}" on`, ps.grantExternalAccessPolicy(user, '<a policy with EnableFederationAccess $true>'));
}

/**
 * The fix for an organization whose domain rule is not known here. Adding to AllowedDomainsAsAList on a
 * tenant with open federation or a block list switches it to "allow only" with that one domain, cutting
 * off every other partner (Set-CsTenantFederationConfiguration reference, example 7 adds to an existing
 * allow list): so the fix says how to check first and gives each situation its own labelled command.
 */
function theirDomainRule(self: ResolvedParticipant, domain: string): Fix {
  const shown = displayDomain(domain);
  const name = self.participant.orgName;
  const blockList = { when: `AllowedDomains is AllowAllKnownDomains ("${ADMIN_CENTER.modes.blockSpecific}"): unblock ${shown}`, powershell: ps.removeBlockedDomain(domain), adminCenter: `${FEDERATION()}: "${ADMIN_CENTER.modes.blockSpecific}", remove ${shown} from the blocked domains` };
  const allowList = { when: `AllowedDomains lists domains ("${ADMIN_CENTER.modes.allowSpecific}"): add ${shown}`, powershell: ps.addAllowedDomains([domain]), adminCenter: `${FEDERATION()}: "${ADMIN_CENTER.modes.allowSpecific}", ${ADMIN_CENTER.allowDomainsButton}: add ${shown}` };
  const check = ps.getFederationConfiguration();
  return theirs(
    self,
    `The admin of ${name} must let ${shown} through their domain rule. Their mode is not known here: check it first, then either unblock ${shown} (block list) or add it (allow list). Adding it to an allow list on a tenant without one would switch them to "allow only" and cut off every other partner.`,
    `${FEDERATION()}: see which "${ADMIN_CENTER.domainChoice}" choice is set. If "${ADMIN_CENTER.modes.blockSpecific}": remove ${shown} from the blocked domains. If "${ADMIN_CENTER.modes.allowSpecific}": add ${shown}. If "${ADMIN_CENTER.modes.allowAll}": nothing to do here.`,
    [`Check first: ${check}`, `If ${blockList.when}: ${blockList.powershell}`, `If ${allowList.when}: ${allowList.powershell}`].join('\n'),
    { check, options: [blockList, allowList] },
  );
}

/** Fix for a domain rule of `self` that does not permit `domain`. */
export function fixDomainRule(self: ResolvedParticipant, rule: DomainRuleResult | undefined, domain: string): Fix {
  const shown = displayDomain(domain);
  if (!managed(self) || rule === undefined) return theirDomainRule(self, domain);
  const org = self.participant.orgId ?? '';
  const orgName = self.participant.orgName;
  const user = self.participant.address;
  const p = self.policy?.policy;
  switch (rule.rule) {
    case 'blockSpecific.listed':
      return ours(self, `Unblock ${shown} for ${orgName} (BlockedDomains).`, { kind: 'removeBlocked', org, domains: [domain] });
    case 'blockSpecific.subdomain':
      return ours(self, `${shown} is covered by blocked ${displayDomain(rule.matched ?? '')}: turn off subdomain blocking (BlockAllSubdomains), or unblock ${displayDomain(rule.matched ?? '')}.`, { kind: 'setSubdomainBlocking', org, enabled: false });
    case 'policy.allowSpecific.notListed': {
      const allowedExternalDomains = [...(p?.allowedExternalDomains ?? []), domain];
      return ours(self, `Add ${shown} to the allowed domains of policy ${p?.name} (AllowedExternalDomains).`, { kind: 'updatePolicy', org, name: p?.name ?? '', settings: { communicationWithExternalOrgs: 'AllowSpecificExternalDomains', allowedExternalDomains } });
    }
    case 'policy.blockSpecific.listed': {
      const rest = (p?.blockedExternalDomains ?? []).filter((d) => domainKey(d) !== domain);
      const settings = rest.length > 0
        ? { communicationWithExternalOrgs: 'BlockSpecificExternalDomains' as const, blockedExternalDomains: rest }
        : { communicationWithExternalOrgs: 'AllowAllExternalDomains' as const };
      return ours(self, `Remove ${shown} from the blocked domains of policy ${p?.name} (BlockedExternalDomains).`, { kind: 'updatePolicy', org, name: p?.name ?? '', settings });
    }
    case 'policy.blockAll':
      return ours(self, `Policy ${p?.name} blocks all external domains (CommunicationWithExternalOrgs): assign ${user} the Global policy.`, { kind: 'assignPolicy', org, user, policy: 'Global' });
    default:
      // allowSpecific.notListed and blockAll: adding the domain to the allow list lets it through.
      return ours(self, `Allow ${shown} for ${orgName} (AllowedDomains).`, { kind: 'addAllowed', org, domains: [domain] });
  }
}

/** Trial-tenant exceptions (AllowedTrialTenantDomains) have no admin-center control: PowerShell only. */
export function fixTrial(self: ResolvedParticipant, domain: string): Fix {
  const shown = displayDomain(domain);
  return managed(self)
    ? ours(self, `Add ${shown} to the allowed trial tenant domains of ${self.participant.orgName} (AllowedTrialTenantDomains).`, { kind: 'addTrialException', org: self.participant.orgId ?? '', domains: [domain] })
    : theirs(self, `The admin of ${self.participant.orgName} must add the trial-only tenant ${shown} to AllowedTrialTenantDomains. PowerShell only: the Teams admin center has no control for trial-tenant exceptions.`, undefined, ps.addTrialTenantDomains([domain]));
}

/** Fix for unmanaged (personal) Teams accounts: outbound (talk to them) or inbound (they may start). */
export function fixConsumer(self: ResolvedParticipant, which: 'outbound' | 'inbound', source: 'org' | 'policy'): Fix {
  const orgName = self.participant.orgName;
  const inbound = which === 'inbound';
  if (!managed(self)) {
    return theirs(
      self,
      `The admin of ${orgName} must ${inbound ? 'let unmanaged Teams accounts start conversations (AllowTeamsConsumerInbound)' : 'allow unmanaged Teams accounts (AllowTeamsConsumer)'}.`,
      inbound
        ? `${orgSettingsPath(ADMIN_CENTER.consumerSection)}: select the checkbox "${ADMIN_CENTER.consumerInbound}"`
        : `${orgSettingsPath(ADMIN_CENTER.consumerSection)}: turn on "${ADMIN_CENTER.consumerOutbound}"`,
      ps.setTeamsConsumer(which, true),
    );
  }
  const org = self.participant.orgId ?? '';
  if (source === 'org') {
    return ours(self, `${inbound ? 'Allow inbound from' : 'Allow'} unmanaged Teams accounts for ${orgName} (${inbound ? 'AllowTeamsConsumerInbound' : 'AllowTeamsConsumer'}).`, { kind: 'setTeamsConsumer', org, ...(inbound ? { inbound: true } : { outbound: true }) });
  }
  const name = self.policy?.policy.name ?? 'Global';
  const what = inbound ? 'inbound from unmanaged Teams accounts (EnableTeamsConsumerInbound)' : 'unmanaged Teams accounts (EnableTeamsConsumerAccess)';
  return ours(self, `Allow ${what} in policy ${name}.`, { kind: 'updatePolicy', org, name, settings: inbound ? { enableTeamsConsumerInbound: true } : { enableTeamsConsumerAccess: true } });
}

/**
 * A user homed in Skype for Business Server on-premises federates from the Skype for Business client,
 * through the on-premises Edge ("Coexistence with Skype for Business"; "Plan hybrid connectivity"): with a
 * Teams user that is a text-only interop chat. For Teams federation the user moves online to TeamsOnly.
 */
export function fixOnPremises(self: ResolvedParticipant, otherDomain: string): Fix {
  const user = self.participant.address;
  const shown = displayDomain(otherDomain);
  const via = `Until then ${user} chats from the Skype for Business client (text only), if the on-premises Edge federation allows ${shown}`;
  return managed(self)
    ? ours(self, `${user} is homed in Skype for Business Server on-premises: move the user online to TeamsOnly (Move-CsUser -MoveToTeams) for Teams federation. ${via}.`, { kind: 'setUserCoexistence', org: self.participant.orgId ?? '', user, onPremises: false })
    : theirs(
        self,
        `The admin of ${self.participant.orgName} can move ${user} online to TeamsOnly for Teams federation. ${via} (on an Edge that allows only listed partners: ${ps.newCsAllowedDomain(otherDomain)}).`,
        undefined,
        ps.moveUserToTeams(user),
      );
}

/** The sender typed something that is not an address. */
export function fixAddress(reason: string): Fix {
  return { who: 'user', summary: `Check the address: ${reason}. Search people by their full email address.` };
}
