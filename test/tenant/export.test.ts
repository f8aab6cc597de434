import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { plan } from '../../src/policy';
import type { Change } from '../../src/policy/change';
import type { Organization, PolicyModel } from '../../src/policy/model';
import { dscConfiguration, exportJson, powershellDelta, powershellScript, touchesOf } from '../../src/tenant';
import { demoModel, policy, tenant } from '../policy/fixtures';
import { ORGS } from './orgs';
import { checkCommand, checkScript } from './cmdlet-syntax';

const NOW = new Date('2026-11-24T10:00:00Z');
const GOLDEN = path.join(__dirname, '../fixtures/tenant/golden');

/** Compares with the golden file; UPDATE_GOLDEN=1 rewrites it (review the diff before committing). */
function golden(name: string, text: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, text);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe('exports match their golden files and the documented cmdlet syntax', () => {
  it.each(Object.keys(ORGS))('%s as PowerShell', (name) => {
    const script = powershellScript(ORGS[name]!, NOW);
    golden(`${name}.ps1`, script);
    expect(checkScript(script)).toEqual([]);
  });

  it.each(Object.keys(ORGS))('%s as Microsoft365DSC', (name) => {
    const dsc = dscConfiguration(ORGS[name]!, NOW);
    golden(`${name}.dsc.ps1`, dsc);
    expect(dsc).toMatch(/TeamsFederationConfiguration "FederationConfiguration"\n        \{/);
    expect(dsc).toMatch(/Identity += "Global"/);
    // Every property is one the resources document.
    const props = [...dsc.matchAll(/^ {12}(\w+) += /gm)].map((m) => m[1]);
    const documented = ['Identity', 'AllowFederatedUsers', 'AllowedDomains', 'BlockedDomains', 'AllowTeamsConsumer', 'AllowTeamsConsumerInbound', 'ExternalAccessWithTrialTenants', 'Credential', 'EnableFederationAccess', 'EnableTeamsConsumerAccess', 'EnableTeamsConsumerInbound', 'Ensure'];
    expect(props.filter((p) => !documented.includes(p!))).toEqual([]);
  });

  it.each(['block-specific', 'with-extras'])('%s as JSON', (name) => {
    golden(`${name}.json`, exportJson(ORGS[name]!, NOW));
  });

  it.each(['powershell', 'dsc'] as const)('in %s, the properties not managed here are comments only, each on one line', (format) => {
    const org = ORGS['with-extras']!;
    const text = format === 'powershell' ? powershellScript(org, NOW) : dscConfiguration(org, NOW);
    const mentions = text.split('\n').filter((l) => /AllowPublicUsers|SharedSipAddressSpace|EnableXmppAccess|FederatedBilateralChats|Sales partners|-AllowFederatedUsers \$false/.test(l));
    expect(mentions.length).toBeGreaterThanOrEqual(5);
    for (const line of mentions) expect(line).toMatch(/^\s*# .* \(not managed here; left as it is in the tenant\)$/);
    expect(text).toMatch(/# (Policy Sales: )?Description = Sales partners Set-CsTenantFederationConfiguration -AllowFederatedUsers \$false \(not managed here/);
  });

  it('writes the blocked list that Teams would apply only when it is in effect, and says so', () => {
    const org = tenant('x', 'X', { settings: { domainMode: 'allowAll', blockedDomains: ['a.com'] } });
    const script = powershellScript(org, NOW);
    expect(script).toMatch(/# The 1 blocked domains stored here are not in effect/);
    expect(script).toMatch(/-AllowedDomains \(New-CsEdgeAllowAllKnownDomains\) -BlockedDomains \$null/);
  });

  it('quotes values so nothing in them expands', () => {
    expect(checkCommand('Grant-CsExternalAccessPolicy -Identity "a@b.com" -PolicyName "Sales `$x"')).toEqual([]);
    const org = tenant('x', 'X', { policies: [policy('Sales $x')] });
    expect(powershellScript(org, NOW)).toContain('-Identity "Sales `$x"');
  });

  it('the syntax check catches an undocumented parameter and a wrong value form', () => {
    expect(checkCommand('Set-CsTenantFederationConfiguration -AllowedDomains "a.com"')).toEqual([expect.stringMatching(/not of a documented form/)]);
    expect(checkCommand('Set-CsTenantFederationConfiguration -BlockedDomain $null')).toEqual([expect.stringMatching(/undocumented parameter -BlockedDomain/)]);
    expect(checkCommand('Set-CsTenantFederationConfiguration -BlockedDomains @{Add="a.com"}')).toEqual([expect.stringMatching(/not of a documented form/)]);
  });
});

const admin = { address: 'admin@contosoeast.com', adminOf: ['contoso-east'] };

function delta(model: PolicyModel, change: Change): string {
  const r = plan(model, change, admin, NOW);
  if (!r.ok) throw new Error(r.reason);
  const after = r.next.organizations.find((o) => o.id === r.plan.orgId)!;
  return powershellDelta(touchesOf(r.plan.before, r.plan.after), after);
}

const withOrg = (org: Organization): PolicyModel => {
  const m = demoModel();
  return { organizations: m.organizations.map((o) => (o.id === 'contoso-east' ? { ...org, admins: o.admins } : o)) };
};

describe('the PowerShell delta of one change', () => {
  it.each<[string, PolicyModel, Change, string]>([
    ['block one domain (the open tenant gets a block list)', demoModel(), { kind: 'addBlocked', org: 'contoso-east', domains: ['contosowest.com'] }, 'Set-CsTenantFederationConfiguration -BlockedDomains @{Add=(New-CsEdgeDomainPattern -Domain "contosowest.com")}\n'],
    ['unblock one of a block list', withOrg(ORGS['block-specific']!), { kind: 'removeBlocked', org: 'contoso-east', domains: ['fabrikam.com'] }, 'Set-CsTenantFederationConfiguration -BlockedDomains @{Remove=(New-CsEdgeDomainPattern -Domain "fabrikam.com")}\n'],
    ['block two more', withOrg(ORGS['block-specific']!), { kind: 'addBlocked', org: 'contoso-east', domains: ['a.com', 'b.com'] }, '$blockAdd = @(\n    (New-CsEdgeDomainPattern -Domain "a.com")\n    (New-CsEdgeDomainPattern -Domain "b.com")\n)\nSet-CsTenantFederationConfiguration -BlockedDomains @{Add=$blockAdd}\n'],
    ['add to an allow list', withOrg(ORGS['allow-specific']!), { kind: 'addAllowed', org: 'contoso-east', domains: ['fabrikam.com'] }, '$allowAdd = [Collections.Generic.List[String]]@("fabrikam.com")\nSet-CsTenantFederationConfiguration -AllowedDomainsAsAList @{Add=$allowAdd}\n'],
    ['allow only one domain', demoModel(), { kind: 'allowOnly', org: 'contoso-east', domains: ['contosowest.com'] }, '$allowed = @(\n    (New-CsEdgeDomainPattern -Domain "contosowest.com")\n)\nSet-CsTenantFederationConfiguration -AllowedDomains (New-CsEdgeAllowList -AllowedDomain $allowed)\n'],
    ['block everyone', demoModel(), { kind: 'setDomainMode', org: 'contoso-east', mode: 'blockAll' }, 'Set-CsTenantFederationConfiguration -AllowedDomains $null\n'],
    ['the master switch', demoModel(), { kind: 'setFederation', org: 'contoso-east', enabled: false }, 'Set-CsTenantFederationConfiguration -AllowFederatedUsers $false\n'],
    ['trial tenants and an exception', demoModel(), { kind: 'addTrialException', org: 'contoso-east', domains: ['litware.com'] }, '$trialAdd = [Collections.Generic.List[String]]@("litware.com")\nSet-CsTenantFederationConfiguration -AllowedTrialTenantDomains @{Add=$trialAdd}\n'],
    ['a new policy', demoModel(), { kind: 'createPolicy', org: 'contoso-east', name: 'Sales', settings: { enableTeamsConsumerAccess: false } }, 'New-CsExternalAccessPolicy -Identity "Sales" -EnableFederationAccess $true -EnableTeamsConsumerAccess $false -EnableTeamsConsumerInbound $true -CommunicationWithExternalOrgs "OrganizationDefault" -AllowedExternalDomains @() -BlockedExternalDomains @()\n'],
    ['a policy setting', withOrg(ORGS['block-specific']!), { kind: 'updatePolicy', org: 'contoso-east', name: 'Sales', settings: { enableTeamsConsumerAccess: true } }, 'Set-CsExternalAccessPolicy -Identity "Sales" -EnableTeamsConsumerAccess $true\n'],
    ['an assignment', withOrg(ORGS['block-specific']!), { kind: 'assignPolicy', org: 'contoso-east', user: 'ann@contosoeast.com', policy: 'NoFederation' }, 'Grant-CsExternalAccessPolicy -Identity "ann@contosoeast.com" -PolicyName "NoFederation"\n'],
    ['back to Global', withOrg(ORGS['block-specific']!), { kind: 'assignPolicy', org: 'contoso-east', user: 'rob@contosoeast.com', policy: 'Global' }, 'Grant-CsExternalAccessPolicy -Identity "rob@contosoeast.com" -PolicyName $null\n'],
  ])('%s', (_name, model, change, expected) => {
    const text = delta(model, change);
    expect(text).toBe(expected);
    expect(checkScript(text)).toEqual([]);
  });

  it('reads a long list as the audit log keeps it (only what changed)', () => {
    const org = tenant('x', 'X', { settings: { domainMode: 'blockSpecific', blockedDomains: ['a.com', 'x.com'] } });
    const touches = touchesOf({}, {}, { 'settings.blockedDomains': { added: [[1, 'x.com']], removed: [[0, 'old.com']] } });
    expect(powershellDelta(touches, org)).toBe('Set-CsTenantFederationConfiguration -BlockedDomains @{Add=(New-CsEdgeDomainPattern -Domain "x.com"); Remove=(New-CsEdgeDomainPattern -Domain "old.com")}\n');
  });

  it('a stored block list that comes into effect is written whole', () => {
    const org = tenant('contoso-east', 'Contoso East', { domains: ['contosoeast.com'], settings: { domainMode: 'allowAll', blockedDomains: ['old.com'] } });
    const text = delta(withOrg(org), { kind: 'addBlocked', org: 'contoso-east', domains: ['new.com'] });
    expect(text).toBe('$blocked = @(\n    (New-CsEdgeDomainPattern -Domain "old.com")\n    (New-CsEdgeDomainPattern -Domain "new.com")\n)\nSet-CsTenantFederationConfiguration -BlockedDomains @{Replace=$blocked}\n');
  });
});
