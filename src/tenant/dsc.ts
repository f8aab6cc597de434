import { MODE_LABELS } from '../policy/labels';
import { GLOBAL_POLICY, globalPolicy } from '../policy/model';
import type { Organization, UserPolicy } from '../policy/model';
import { extraComment } from './extras';
import { psBool, psString } from './ps-syntax';
import { teamsBlockedList } from './teams-shape';

const dscArray = (items: readonly string[]): string => `@(${items.map(psString).join(', ')})`;

/** `Name = value` lines aligned the way Microsoft365DSC's own exports are. */
function block(resource: string, name: string, props: [string, string][], comments: string[] = []): string[] {
  const width = Math.max(...props.map(([k]) => k.length));
  return [
    `        ${resource} ${psString(name)}`,
    '        {',
    ...comments.map((c) => `            # ${c}`),
    ...props.map(([k, v]) => `            ${k.padEnd(width)} = ${v}`),
    '        }',
  ];
}

/**
 * A Microsoft365DSC configuration with the TeamsFederationConfiguration and TeamsExternalAccessPolicy
 * blocks. Microsoft365DSC reads an empty AllowedDomains as "allow all", so every domain rule is
 * written out explicitly, and what the resources do not carry is said in comments, never dropped.
 */
export function dscConfiguration(org: Organization, now: Date): string {
  const lines = [
    `# Federation Assistant export: external access of ${org.name} (${org.domains.join(', ')}), made ${now.toISOString()}`,
    '# Microsoft365DSC configuration; compile it with your credential and apply with Start-DscConfiguration.',
    'Configuration FederationAssistantExport',
    '{',
    '    param',
    '    (',
    '        [Parameter(Mandatory = $true)]',
    '        [System.Management.Automation.PSCredential]',
    '        $Credential',
    '    )',
    '',
    "    Import-DscResource -ModuleName 'Microsoft365DSC'",
    '',
    '    Node localhost',
    '    {',
  ];
  const s = org.settings;
  if (s) {
    const comments = [`Domain rule: ${MODE_LABELS[s.domainMode]}`];
    const props: [string, string][] = [['Identity', psString('Global')], ['AllowFederatedUsers', psBool(s.allowFederatedUsers)]];
    if (s.domainMode === 'allowSpecific') props.push(['AllowedDomains', dscArray(s.allowedDomains)]);
    if (s.domainMode === 'blockAll') {
      comments.push('Microsoft365DSC reads an empty AllowedDomains as "allow all": blocking every domain needs the PowerShell export (Set-CsTenantFederationConfiguration -AllowedDomains $null).');
    }
    props.push(['BlockedDomains', dscArray(teamsBlockedList(s))]);
    props.push(['AllowTeamsConsumer', psBool(s.allowTeamsConsumer)], ['AllowTeamsConsumerInbound', psBool(s.allowTeamsConsumerInbound)]);
    props.push(['ExternalAccessWithTrialTenants', psString(s.trialTenants)], ['Credential', '$Credential']);
    comments.push(`Not carried by this resource, set with Set-CsTenantFederationConfiguration: BlockAllSubdomains ${psBool(s.blockAllSubdomains)}, AllowedTrialTenantDomains ${dscArray(s.allowedTrialTenantDomains)}.`);
    comments.push(...Object.entries(org.tenantExtras?.federation ?? {}).map(([k, v]) => extraComment(k, v)));
    lines.push(...block('TeamsFederationConfiguration', 'FederationConfiguration', props, comments));
  }
  const policies: UserPolicy[] = org.policies.length > 0 ? org.policies : [globalPolicy()];
  for (const p of policies) {
    const comments: string[] = Object.entries(org.tenantExtras?.policies?.[p.name] ?? {}).map(([k, v]) => extraComment(k, v));
    if (p.communicationWithExternalOrgs !== 'OrganizationDefault') {
      comments.push(`Not carried by this resource, set with Set-CsExternalAccessPolicy: CommunicationWithExternalOrgs ${psString(p.communicationWithExternalOrgs)}, AllowedExternalDomains ${dscArray(p.allowedExternalDomains)}, BlockedExternalDomains ${dscArray(p.blockedExternalDomains)}.`);
    }
    lines.push(
      '',
      ...block(
        'TeamsExternalAccessPolicy',
        p.name === GLOBAL_POLICY ? 'Global' : p.name,
        [
          ['Identity', psString(p.name === GLOBAL_POLICY ? 'Global' : p.name)],
          ['EnableFederationAccess', psBool(p.enableFederationAccess)],
          ['EnableTeamsConsumerAccess', psBool(p.enableTeamsConsumerAccess)],
          ['EnableTeamsConsumerInbound', psBool(p.enableTeamsConsumerInbound)],
          ['Ensure', psString('Present')],
          ['Credential', '$Credential'],
        ],
        comments,
      ),
    );
  }
  lines.push('    }', '}', '', '# Compile: FederationAssistantExport -Credential (Get-Credential)', '');
  return lines.join('\n');
}
