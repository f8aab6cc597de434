import { evaluateReach, plan } from '../../src/policy';
import type { PolicyModel } from '../../src/policy';
import { admin, eastWest, policy, tenant, user } from './fixtures';

const ROB = 'rob@east.com';
const ANN = 'ann@west.com';

/** [case, model, from, to, failing check id, command, change kind]: the fix of a managed org is a bot command. */
const rows: [string, PolicyModel, string, string, string, string, string][] = [
  ['they block us', eastWest({}, { settings: { domainMode: 'blockSpecific', blockedDomains: ['east.com'] } }), ROB, ANN, 'org.domainRule', 'unblock east.com for West', 'removeBlocked'],
  ['our allow list lacks them', eastWest({ settings: { domainMode: 'allowSpecific', allowedDomains: ['x.com'] } }), ROB, ANN, 'org.domainRule', 'allow west.com for East', 'addAllowed'],
  ['we block all', eastWest({ settings: { domainMode: 'blockAll' } }), ROB, ANN, 'org.domainRule', 'allow west.com for East', 'addAllowed'],
  ['master switch off', eastWest({ settings: { allowFederatedUsers: false } }), ROB, ANN, 'org.allowFederatedUsers', 'turn on external access for East', 'setFederation'],
  ['user federation off', eastWest({ policies: [policy('Off', { enableFederationAccess: false })], users: [user(ROB, { policy: 'Off' })] }), ROB, ANN, 'policy.enableFederationAccess', 'turn on external access for rob@east.com', 'setUserFederation'],
  ['blocked as a subdomain', eastWest({ settings: { domainMode: 'blockSpecific', blockedDomains: ['west.com'], blockAllSubdomains: true } }, { domains: ['sales.west.com'], users: [] }), ROB, 'ann@sales.west.com', 'org.domainRule', 'turn off subdomain blocking for East', 'setSubdomainBlocking'],
  ['policy allow list lacks them', eastWest({ policies: [policy('C', { communicationWithExternalOrgs: 'AllowSpecificExternalDomains', allowedExternalDomains: ['c.com'] })], users: [user(ROB, { policy: 'C' })] }), ROB, ANN, 'policy.communicationWithExternalOrgs', 'allow only c.com and west.com in policy C for East', 'updatePolicy'],
  ['policy blocks them', eastWest({ policies: [policy('B', { communicationWithExternalOrgs: 'BlockSpecificExternalDomains', blockedExternalDomains: ['west.com'] })], users: [user(ROB, { policy: 'B' })] }), ROB, ANN, 'policy.communicationWithExternalOrgs', 'allow all external domains in policy B for East', 'updatePolicy'],
  ['policy blocks all', eastWest({ policies: [policy('N', { communicationWithExternalOrgs: 'BlockAllExternalDomains' })], users: [user(ROB, { policy: 'N' })] }), ROB, ANN, 'policy.communicationWithExternalOrgs', 'assign policy Global to rob@east.com', 'assignPolicy'],
  ['trial-only partner', eastWest({}, { trialOnly: true }), ROB, ANN, 'org.trialTenants', 'allow trial tenant west.com for East', 'addTrialException'],
  ['unmanaged accounts off', eastWest({ settings: { allowTeamsConsumer: false } }), ROB, 'kim@outlook.com', 'org.allowTeamsConsumer', 'allow unmanaged Teams accounts for East', 'setTeamsConsumer'],
  ['unmanaged inbound off', eastWest({ settings: { allowTeamsConsumerInbound: false } }), 'kim@outlook.com', ROB, 'org.allowTeamsConsumerInbound', 'allow inbound from unmanaged Teams accounts for East', 'setTeamsConsumer'],
  ['policy unmanaged off', eastWest({ policies: [policy('NC', { enableTeamsConsumerAccess: false })], users: [user(ROB, { policy: 'NC' })] }), ROB, 'kim@outlook.com', 'policy.enableTeamsConsumerAccess', 'allow unmanaged Teams accounts in policy NC for East', 'updatePolicy'],
];

describe('fixes of a managed organization: the change and the bot command, which really fix it', () => {
  it.each(rows)('%s → "%s"', (_case, model, from, to, checkId, command, kind) => {
    const v = evaluateReach(model, from, to);
    const check = v.checks.find((c) => c.id === checkId && c.status === 'failed');
    expect(check?.fix).toMatchObject({ who: 'ourAdmin', command, change: { kind } });
    const fix = check!.fix!;
    const r = plan(model, fix.change!, admin(fix.orgId!));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const after = evaluateReach(r.next, from, to);
    expect(after.checks.filter((c) => c.id === checkId && c.status === 'failed')).toEqual([]);
  });
});

describe('fixes of organizations not managed here: admin center path and PowerShell (Microsoft Learn, Set-CsTenantFederationConfiguration)', () => {
  const fabrikam = (): PolicyModel => eastWest({}, {}, tenant('fabrikam', 'Fabrikam', { managed: false }));

  it('AllowFederatedUsers: the "Teams and Skype for Business users in external organizations" section, not a switch of that name', () => {
    const fix = evaluateReach(fabrikam(), ROB, 'bob@fabrikam.com').checks.find((c) => c.setting === 'AllowFederatedUsers' && c.side === 'to')?.fix;
    expect(fix).toMatchObject({ who: 'theirAdmin', orgId: 'fabrikam', orgName: 'Fabrikam', powershell: 'Set-CsTenantFederationConfiguration -AllowFederatedUsers $true' });
    expect(fix?.adminCenter).toBe('Teams admin center > Users > External access > Organization settings > "Teams and Skype for Business users in external organizations": under "Choose which external domains your users have access to", pick any choice but "Block all external domains"');
    expect(fix?.change).toBeUndefined();
  });

  it('a trial-only partner of theirs: AllowedTrialTenantDomains takes a List[String] inside @{Add=…} (example 14), PowerShell only', () => {
    const m = fabrikam();
    const trialEast = { organizations: m.organizations.map((o) => (o.id === 'east' ? { ...o, trialOnly: true } : o)) };
    const fix = evaluateReach(trialEast, ROB, 'bob@fabrikam.com').checks.find((c) => c.id === 'org.trialTenants' && c.side === 'to')?.fix;
    expect(fix?.powershell).toBe('Set-CsTenantFederationConfiguration -AllowedTrialTenantDomains @{Add=[System.Collections.Generic.List[String]]@("east.com")}');
    expect(fix?.adminCenter).toBeUndefined();
    expect(fix?.summary).toContain('PowerShell only');
  });

  it('a typo in the address: the user fixes it', () => {
    const fix = evaluateReach(eastWest(), ROB, 'ann.west.com').checks[0]?.fix;
    expect(fix?.who).toBe('user');
  });
});
