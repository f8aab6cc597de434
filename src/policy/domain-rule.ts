import type { KeySet } from './key-set';
import { shownDomain } from './display';
import type { OrgIndex, PolicyIndex } from './model-index';

/** What the effective domain rule of one side says about another domain, and which rule said it. */
export interface DomainRuleResult {
  permitted: boolean;
  /** org: the organization's AllowedDomains/BlockedDomains; policy: a custom CommunicationWithExternalOrgs. */
  source: 'org' | 'policy';
  /** Stable id of the deciding rule, e.g. "blockSpecific.listed". */
  rule: string;
  /** The setting name admins know. */
  setting: string;
  /** In words: what was found. */
  found: string;
  /** The list entry that matched (a parent domain when subdomains are blocked). */
  matched?: string;
  /** Custom policy name when source is policy. */
  policyName?: string;
}

/** The blocked entry covering `domain`: itself, or a parent when subdomains are blocked. O(labels). */
export function blockedEntry(blocked: KeySet, domain: string, subdomains: boolean): string | undefined {
  if (domain === '') return undefined;
  if (blocked.has(domain)) return domain;
  if (!subdomains) return undefined;
  let d = domain;
  for (let dot = d.indexOf('.'); dot >= 0; dot = d.indexOf('.')) {
    d = d.slice(dot + 1);
    if (!d.includes('.')) return undefined;
    if (blocked.has(d)) return d;
  }
  return undefined;
}

const show = shownDomain;

/**
 * The effective domain rule of an organization (and a user's policy) for `domain` ("" = any domain
 * not named anywhere). A custom CommunicationWithExternalOrgs REPLACES the organization's rule.
 */
export function evaluateDomainRule(org: OrgIndex, policy: PolicyIndex | undefined, domain: string): DomainRuleResult {
  const p = policy?.policy;
  if (p && p.communicationWithExternalOrgs !== 'OrganizationDefault') {
    const base = { source: 'policy' as const, policyName: p.name };
    switch (p.communicationWithExternalOrgs) {
      case 'AllowAllExternalDomains':
        return { ...base, permitted: true, rule: 'policy.allowAll', setting: 'CommunicationWithExternalOrgs', found: `policy ${p.name} allows all external domains` };
      case 'BlockAllExternalDomains':
        return { ...base, permitted: false, rule: 'policy.blockAll', setting: 'CommunicationWithExternalOrgs', found: `policy ${p.name} blocks all external domains` };
      case 'AllowSpecificExternalDomains': {
        const ok = domain !== '' && policy.allowed.has(domain);
        return { ...base, permitted: ok, rule: ok ? 'policy.allowSpecific.listed' : 'policy.allowSpecific.notListed', setting: 'AllowedExternalDomains', found: ok ? `${show(domain)} is on the allowed list of policy ${p.name}` : `policy ${p.name} allows only specific domains and ${show(domain)} is not one of them (it replaces the organization's list)`, ...(ok ? { matched: domain } : {}) };
      }
      case 'BlockSpecificExternalDomains': {
        const hit = domain !== '' && policy.blocked.has(domain);
        return { ...base, permitted: !hit, rule: hit ? 'policy.blockSpecific.listed' : 'policy.blockSpecific.notListed', setting: 'BlockedExternalDomains', found: hit ? `${show(domain)} is on the blocked list of policy ${p.name}` : `${show(domain)} is not on the blocked list of policy ${p.name}`, ...(hit ? { matched: domain } : {}) };
      }
    }
  }
  const mode = org.domainMode;
  switch (mode) {
    case 'allowAll':
      return { source: 'org', permitted: true, rule: 'allowAll', setting: 'AllowedDomains', found: 'all external domains are allowed (AllowAllKnownDomains)' };
    case 'blockAll':
      return { source: 'org', permitted: false, rule: 'blockAll', setting: 'AllowedDomains', found: 'all external domains are blocked' };
    case 'allowSpecific': {
      const ok = domain !== '' && org.allowed.has(domain);
      return ok
        ? { source: 'org', permitted: true, rule: 'allowSpecific.listed', setting: 'AllowedDomains', found: `${show(domain)} is on the allowed list`, matched: domain }
        : { source: 'org', permitted: false, rule: 'allowSpecific.notListed', setting: 'AllowedDomains', found: org.allowed.size === 0 ? 'only specific domains are allowed and the allowed list is empty' : `only specific domains are allowed and ${show(domain)} is not one of them` };
    }
    case 'blockSpecific': {
      const hit = blockedEntry(org.blocked, domain, org.blockAllSubdomains);
      if (hit === undefined) return { source: 'org', permitted: true, rule: 'blockSpecific.notListed', setting: 'BlockedDomains', found: `${show(domain)} is not on the blocked list` };
      if (hit === domain) return { source: 'org', permitted: false, rule: 'blockSpecific.listed', setting: 'BlockedDomains', found: `${show(domain)} is on the blocked list`, matched: hit };
      return { source: 'org', permitted: false, rule: 'blockSpecific.subdomain', setting: 'BlockAllSubdomains', found: `${show(domain)} is a subdomain of blocked ${show(hit)} and subdomains are blocked`, matched: hit };
    }
  }
}
