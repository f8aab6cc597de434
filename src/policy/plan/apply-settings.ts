import { displayDomain } from '../domain';
import { MODE_LABELS } from '../labels';
import type { DomainMode } from '../model';
import { appended } from '../list-middle';
import { domainSet, withoutDomains } from '../model-index';
import { shownList } from './domain-input';
import { policyExceptions } from './policy-exceptions';
import { withSettings } from './context';
import type { ApplyContext, StepResult } from './context';

const onOff = (b: boolean): string => (b ? 'on' : 'off');

export function setFederation(ctx: ApplyContext, enabled: boolean): StepResult {
  if (!enabled) {
    ctx.warn('blocksEveryone', `Turning off external access blocks every external organization and unmanaged account for ${ctx.org.name}, whatever the domain lists and user policies say.`);
  }
  return withSettings(ctx, { allowFederatedUsers: enabled }, `Turn ${onOff(enabled)} external access (AllowFederatedUsers) for ${ctx.org.name}.`);
}

export function setDomainMode(ctx: ApplyContext, mode: DomainMode): StepResult {
  const s = ctx.settings;
  if (mode !== s.domainMode) {
    if (mode === 'blockAll') blockAllWarnings(ctx);
    if (mode === 'allowSpecific') {
      ctx.warn('blocksEveryone', s.allowedDomains.length === 0
        ? `The allowed list is empty: "${MODE_LABELS.allowSpecific}" with none listed blocks every external domain.`
        : `Every external domain not on the allowed list (${shownList(s.allowedDomains)}) is blocked.`);
    }
    if (mode === 'blockSpecific' && s.blockedDomains.length === 0) ctx.warn('noEffect', 'The blocked list is empty: every external domain stays allowed until you block one.');
    if (mode !== 'allowSpecific' && s.allowedDomains.length > 0) ctx.warn('notInEffect', `The allowed list (${s.allowedDomains.length} domain(s)) stays stored but is not in effect.`);
    if (mode !== 'blockSpecific' && s.blockedDomains.length > 0) ctx.warn('notInEffect', `The blocked list (${s.blockedDomains.length} domain(s)) stays stored but is not in effect.`);
  }
  const meaning = mode === 'blockAll' ? ` Users on the organization's rule can talk to no external domain${policyExceptions(ctx.org).length > 0 ? '; users of policies with their own domain rule still can (see the warnings)' : ''}.` : '';
  return withSettings(ctx, { domainMode: mode }, `Set ${ctx.org.name} to "${MODE_LABELS[mode]}".${meaning}`);
}

/**
 * What "Block all external domains" means here exactly: the organization's domain rule blocks every
 * domain, but a custom policy's CommunicationWithExternalOrgs replaces that rule for its users, and
 * unmanaged Teams accounts are a setting of their own. The preview names who still gets through.
 */
export function blockAllWarnings(ctx: ApplyContext): void {
  const exceptions = policyExceptions(ctx.org);
  ctx.warn('blocksEveryone', `"${MODE_LABELS.blockAll}": users on the organization's domain rule in ${ctx.org.name} can talk to no external domain.`);
  if (exceptions.length > 0) {
    ctx.warn('notInEffect', `These policies keep their own domain rule (CommunicationWithExternalOrgs) and still let their users through: ${exceptions.map((e) => e.text).join('; ')}. To stop everyone, turn off external access (AllowFederatedUsers) or give those users a policy on the organization's rule.`);
  }
  if (ctx.settings.allowTeamsConsumer) {
    ctx.warn('notInEffect', `Unmanaged (personal) Teams accounts are a separate setting and stay allowed (AllowTeamsConsumer is on).`);
  }
}

export function setSubdomainBlocking(ctx: ApplyContext, enabled: boolean): StepResult {
  if (ctx.settings.domainMode !== 'blockSpecific') {
    ctx.warn('notInEffect', `Subdomain blocking applies to the blocked list, which is not in effect while ${ctx.org.name} uses "${MODE_LABELS[ctx.settings.domainMode]}".`);
  }
  return withSettings(ctx, { blockAllSubdomains: enabled }, `Turn ${onOff(enabled)} blocking of subdomains of blocked domains (BlockAllSubdomains) for ${ctx.org.name}.`);
}

export function setTeamsConsumer(ctx: ApplyContext, outbound: boolean | undefined, inbound: boolean | undefined): StepResult {
  const patch = {
    ...(outbound !== undefined ? { allowTeamsConsumer: outbound } : {}),
    ...(inbound !== undefined ? { allowTeamsConsumerInbound: inbound } : {}),
  };
  const after = { ...ctx.settings, ...patch };
  if (!after.allowTeamsConsumer && after.allowTeamsConsumerInbound && inbound === true) {
    ctx.warn('notInEffect', 'Inbound from unmanaged Teams accounts has no effect while unmanaged accounts are off (AllowTeamsConsumer).');
  }
  const parts = [
    ...(outbound !== undefined ? [`unmanaged Teams accounts ${onOff(outbound)}`] : []),
    ...(inbound !== undefined ? [`they may start conversations: ${onOff(inbound)}`] : []),
  ];
  return withSettings(ctx, patch, `Set ${parts.join('; ') || 'nothing'} for ${ctx.org.name}.`);
}

export function setTrialTenants(ctx: ApplyContext, allowed: boolean): StepResult {
  if (allowed && ctx.settings.allowedTrialTenantDomains.length > 0) {
    ctx.warn('notInEffect', `The trial tenant exceptions (${shownList(ctx.settings.allowedTrialTenantDomains)}) only matter while trial tenants are blocked.`);
  }
  return withSettings(ctx, { trialTenants: allowed ? 'Allowed' : 'Blocked' }, `${allowed ? 'Allow' : 'Block'} trial-only tenants (ExternalAccessWithTrialTenants) for ${ctx.org.name}.`);
}

export function changeTrialExceptions(ctx: ApplyContext, domains: readonly string[], add: boolean): StepResult {
  const s = ctx.settings;
  const on = domainSet(s.allowedTrialTenantDomains);
  const picked: string[] = [];
  for (const d of domains) {
    if (add && ctx.own.has(d)) ctx.warn('ownDomain', `${displayDomain(d)} is a domain of ${ctx.org.name}; left out.`);
    else if (add && on.has(d)) ctx.warn('alreadyListed', `${displayDomain(d)} is already an allowed trial tenant domain.`);
    else if (!add && !on.has(d)) ctx.warn('notListed', `${displayDomain(d)} is not an allowed trial tenant domain.`);
    else picked.push(d);
  }
  if (picked.length > 0 && s.trialTenants === 'Allowed') ctx.warn('notInEffect', 'Trial tenants are allowed anyway: the exceptions only matter while they are blocked.');
  const gone = new Set(picked);
  const allowedTrialTenantDomains = add ? appended(s.allowedTrialTenantDomains, picked) : withoutDomains(s.allowedTrialTenantDomains, gone);
  return withSettings(ctx, { allowedTrialTenantDomains }, `${add ? 'Allow' : 'Stop allowing'} trial tenant ${shownList(picked)} for ${ctx.org.name}.`);
}
