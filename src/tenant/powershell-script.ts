import { MODE_LABELS } from '../policy/labels';
import { GLOBAL_POLICY, globalPolicy } from '../policy/model';
import type { OrgSettings, Organization, UserPolicy } from '../policy/model';
import { extraComment } from './extras';
import { patternList, psArray, psBool, psString } from './ps-syntax';
import { teamsBlockedList } from './teams-shape';

/**
 * A script that gives the tenant exactly this organization's settings whatever it holds now: every
 * value is set, lists are replaced (never added to), policies are created or updated, users granted.
 */
export function powershellScript(org: Organization, now: Date): string {
  const lines = [
    `# Federation Assistant export: external access of ${org.name} (${org.domains.join(', ')})`,
    `# Made ${now.toISOString()}. Run it in PowerShell after Connect-MicrosoftTeams (MicrosoftTeams module).`,
    '# It sets every value below whatever the tenant holds now; Teams can take hours to apply it.',
    '',
  ];
  if (org.settings) lines.push(...settingsLines(org.settings), '');
  const federationExtras = Object.entries(org.tenantExtras?.federation ?? {});
  if (federationExtras.length > 0) {
    lines.push('# Other properties of the tenant federation configuration, as imported (this script does not change them)');
    lines.push(...federationExtras.map(([k, v]) => `# ${extraComment(k, v)}`), '');
  }
  lines.push(...policyLines(org.policies.length > 0 ? org.policies : [globalPolicy()]));
  const policyExtras = Object.entries(org.tenantExtras?.policies ?? {});
  if (policyExtras.length > 0) {
    lines.push('', '# Other properties of the external access policies, as imported (this script does not change them)');
    for (const [name, map] of policyExtras) lines.push(...Object.entries(map).map(([k, v]) => `# Policy ${extraComment(`${name}: ${k}`, v)}`));
  }
  const users = org.users.filter((u) => u.address !== '');
  if (users.length > 0) {
    lines.push('', '# Policy assignments (users not listed keep what they have)');
    for (const u of users) lines.push(grantLine(u.address, u.policy ?? GLOBAL_POLICY));
  }
  return `${lines.join('\n')}\n`;
}

export function grantLine(address: string, policy: string): string {
  return `Grant-CsExternalAccessPolicy -Identity ${psString(address)} -PolicyName ${policy === GLOBAL_POLICY ? '$null' : psString(policy)}`;
}

function settingsLines(s: OrgSettings): string[] {
  const out = [
    '# Organization settings (Set-CsTenantFederationConfiguration)',
    `Set-CsTenantFederationConfiguration -AllowFederatedUsers ${psBool(s.allowFederatedUsers)} -AllowTeamsConsumer ${psBool(s.allowTeamsConsumer)} -AllowTeamsConsumerInbound ${psBool(s.allowTeamsConsumerInbound)} -BlockAllSubdomains ${psBool(s.blockAllSubdomains)}`,
    '',
    `# Domain rule: ${MODE_LABELS[s.domainMode]}`,
  ];
  const blocked = teamsBlockedList(s);
  if (s.domainMode === 'allowAll' && s.blockedDomains.length > 0) {
    out.push(`# The ${s.blockedDomains.length} blocked domains stored here are not in effect; Teams would apply them with this rule, so the blocked list is cleared.`);
  }
  if (blocked.length > 0) out.push(...patternList('blocked', blocked));
  const blockedArg = blocked.length > 0 ? '@{Replace=$blocked}' : '$null';
  switch (s.domainMode) {
    case 'allowAll':
    case 'blockSpecific':
      out.push(`Set-CsTenantFederationConfiguration -AllowedDomains (New-CsEdgeAllowAllKnownDomains) -BlockedDomains ${blockedArg}`);
      break;
    case 'allowSpecific':
      out.push(...patternList('allowed', s.allowedDomains));
      out.push(`Set-CsTenantFederationConfiguration -AllowedDomains (New-CsEdgeAllowList -AllowedDomain $allowed) -BlockedDomains ${blockedArg}`);
      break;
    case 'blockAll':
      if (s.allowedDomains.length > 0) out.push(`# The ${s.allowedDomains.length} allowed domains stored here are not in effect; Teams holds no allow list for this rule.`);
      out.push(`Set-CsTenantFederationConfiguration -AllowedDomains $null -BlockedDomains ${blockedArg}`);
      break;
  }
  out.push(
    '',
    '# Trial-only tenants',
    `Set-CsTenantFederationConfiguration -ExternalAccessWithTrialTenants ${psString(s.trialTenants)} -AllowedTrialTenantDomains ${psArray(s.allowedTrialTenantDomains)}`,
  );
  return out;
}

/** The parameters of one policy, as Set-/New-CsExternalAccessPolicy take them. */
export function policyParameters(p: Partial<UserPolicy>, global: boolean): string[] {
  const out: string[] = [];
  if (p.enableFederationAccess !== undefined) out.push(`-EnableFederationAccess ${psBool(p.enableFederationAccess)}`);
  if (p.enableTeamsConsumerAccess !== undefined) out.push(`-EnableTeamsConsumerAccess ${psBool(p.enableTeamsConsumerAccess)}`);
  if (p.enableTeamsConsumerInbound !== undefined) out.push(`-EnableTeamsConsumerInbound ${psBool(p.enableTeamsConsumerInbound)}`);
  // The Global policy is fixed to OrganizationDefault: Teams refuses these parameters there.
  if (global) return out;
  if (p.communicationWithExternalOrgs !== undefined) out.push(`-CommunicationWithExternalOrgs ${psString(p.communicationWithExternalOrgs)}`);
  if (p.allowedExternalDomains !== undefined) out.push(`-AllowedExternalDomains ${psArray(p.allowedExternalDomains)}`);
  if (p.blockedExternalDomains !== undefined) out.push(`-BlockedExternalDomains ${psArray(p.blockedExternalDomains)}`);
  return out;
}

function policyLines(policies: readonly UserPolicy[]): string[] {
  const out = ['# External access policies (other policies in the tenant are left as they are)'];
  for (const p of policies) {
    const params = policyParameters(p, p.name === GLOBAL_POLICY).join(' ');
    if (p.name === GLOBAL_POLICY) {
      out.push(`Set-CsExternalAccessPolicy -Identity Global ${params}`);
      continue;
    }
    const id = psString(p.name);
    out.push(
      `if (Get-CsExternalAccessPolicy -Identity ${id} -ErrorAction SilentlyContinue) {`,
      `    Set-CsExternalAccessPolicy -Identity ${id} ${params}`,
      '} else {',
      `    New-CsExternalAccessPolicy -Identity ${id} ${params}`,
      '}',
    );
  }
  return out;
}
