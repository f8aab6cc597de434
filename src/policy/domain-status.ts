import { displayDomain, normalizeDomain } from './domain';
import { evaluateDomainRule } from './domain-rule';
import { MODE_LABELS } from './labels';
import { findOrg, indexOrg, orgOfDomain } from './model-index';
import { CONSUMER_DOMAINS } from './participant';
import type { PolicyModel } from './model';
import type { DomainStatus } from './types';

/** Is domain D allowed for organization O (its users on the Global policy), and why. */
export function domainStatus(model: PolicyModel, orgId: string, domainInput: string): DomainStatus {
  const org = findOrg(model, orgId);
  const n = normalizeDomain(domainInput);
  const domain = n.ok ? n.domain.ascii : domainInput.trim();
  const result = (allowed: boolean | 'unknown', rule: string, reason: string): DomainStatus => ({ orgId, domain, allowed, rule, reason });
  if (!n.ok) return result(false, 'invalidDomain', `Not a domain: ${n.reason}.`);
  const shown = n.domain.display;
  if (!org) return result('unknown', 'unknownOrg', `No organization with id "${orgId}" is known here.`);
  if (!org.managed || !org.settings) return result('unknown', 'notManaged', `${org.name} is not managed here; only its admin knows whether ${shown} is allowed.`);
  const idx = indexOrg(org);
  const s = org.settings;
  if (idx.domains.has(domain)) return result(true, 'internal', `${shown} is a domain of ${org.name}: external access does not apply.`);
  if (!s.allowFederatedUsers) return result(false, 'allowFederatedUsers', `External access is off for ${org.name} (AllowFederatedUsers): no external domain is allowed, whatever the lists say.`);
  const owner = orgOfDomain(model, domain);
  if ((owner?.kind === 'consumer') || (!owner && CONSUMER_DOMAINS.includes(domain))) {
    return result(s.allowTeamsConsumer, 'allowTeamsConsumer', `${shown} is for personal Teams accounts, governed by AllowTeamsConsumer, which is ${s.allowTeamsConsumer ? 'on' : 'off'}${s.allowTeamsConsumer && !s.allowTeamsConsumerInbound ? ' (they cannot start conversations: AllowTeamsConsumerInbound is off)' : ''}.`);
  }
  if (owner?.trialOnly && s.trialTenants === 'Blocked' && !idx.trialExceptions.has(domain)) {
    return result(false, 'trialTenants', `${owner.name} holds only trial licences and ${org.name} blocks trial tenants (ExternalAccessWithTrialTenants) with no exception for ${shown}.`);
  }
  const rule = evaluateDomainRule(idx, undefined, domain);
  const notes: string[] = [];
  if (s.domainMode !== 'blockSpecific' && idx.blocked.has(domain)) notes.push(`${shown} is also on the blocked list, which is not in effect in this mode`);
  if (s.domainMode !== 'allowSpecific' && idx.allowed.has(domain)) notes.push(`${shown} is also on the allowed list, which is not in effect in this mode`);
  const custom = org.policies.filter((p) => p.communicationWithExternalOrgs !== 'OrganizationDefault').map((p) => p.name);
  if (custom.length > 0) notes.push(`users with policy ${custom.join(', ')} follow that policy's own domain rule instead`);
  const reason = `${MODE_LABELS[s.domainMode]}: ${rule.found}${notes.length ? `. Note: ${notes.join('; ')}` : ''}.`;
  return result(rule.permitted, rule.rule, reason.replace(displayDomain(domain), shown));
}
