import { commandText } from '../../src/policy';
import type { Change } from '../../src/policy';

/** The bot command for every change a person can type: the contract with the language module. */
const rows: [Change, string | undefined][] = [
  [{ kind: 'setFederation', org: 'x', enabled: true }, 'turn on external access for Contoso West'],
  [{ kind: 'setDomainMode', org: 'x', mode: 'blockAll' }, 'block all external domains for Contoso West'],
  [{ kind: 'setDomainMode', org: 'x', mode: 'allowSpecific' }, 'allow only specific external domains for Contoso West'],
  [{ kind: 'allowOnly', org: 'x', domains: ['a.com', 'b.com', 'xn--bcher-kva.de'] }, 'allow only a.com, b.com and bücher.de for Contoso West'],
  [{ kind: 'addAllowed', org: 'x', domains: ['fabrikam.com'] }, 'allow fabrikam.com for Contoso West'],
  [{ kind: 'removeAllowed', org: 'x', domains: ['fabrikam.com'] }, 'remove fabrikam.com from the allowed domains for Contoso West'],
  [{ kind: 'addBlocked', org: 'x', domains: ['a.com', 'b.com'] }, 'block a.com and b.com for Contoso West'],
  [{ kind: 'removeBlocked', org: 'x', domains: ['contoso.com'] }, 'unblock contoso.com for Contoso West'],
  [{ kind: 'setSubdomainBlocking', org: 'x', enabled: false }, 'turn off subdomain blocking for Contoso West'],
  [{ kind: 'setTeamsConsumer', org: 'x', outbound: false }, 'block unmanaged Teams accounts for Contoso West'],
  [{ kind: 'setTeamsConsumer', org: 'x', inbound: true }, 'allow inbound from unmanaged Teams accounts for Contoso West'],
  [{ kind: 'setTeamsConsumer', org: 'x', inbound: true, outbound: true }, undefined],
  [{ kind: 'setTrialTenants', org: 'x', allowed: true }, 'allow trial tenants for Contoso West'],
  [{ kind: 'addTrialException', org: 'x', domains: ['t.com'] }, 'allow trial tenant t.com for Contoso West'],
  [{ kind: 'removeTrialException', org: 'x', domains: ['t.com'] }, 'remove trial tenant t.com for Contoso West'],
  [{ kind: 'createPolicy', org: 'x', name: 'Sales' }, 'create policy Sales for Contoso West'],
  [{ kind: 'createPolicy', org: 'x', name: 'Sales', settings: { enableFederationAccess: false } }, 'create policy Sales with external access off for Contoso West'],
  [{ kind: 'updatePolicy', org: 'x', name: 'Sales', settings: { communicationWithExternalOrgs: 'AllowSpecificExternalDomains', allowedExternalDomains: ['a.com'] } }, 'allow only a.com in policy Sales for Contoso West'],
  [{ kind: 'updatePolicy', org: 'x', name: 'Sales', settings: { enableTeamsConsumerAccess: true } }, 'allow unmanaged Teams accounts in policy Sales for Contoso West'],
  [{ kind: 'updatePolicy', org: 'x', name: 'Sales', settings: { allowedExternalDomains: ['a.com'] } }, undefined],
  [{ kind: 'assignPolicy', org: 'x', user: 'rob@contosoeast.com', policy: 'Global' }, 'assign policy Global to rob@contosoeast.com'],
  [{ kind: 'setUserFederation', org: 'x', user: 'rob@contosoeast.com', enabled: true }, 'turn on external access for rob@contosoeast.com'],
  [{ kind: 'setUserCoexistence', org: 'x', user: 'rob@contosoeast.com', onPremises: false }, 'move rob@contosoeast.com online'],
  [{ kind: 'setUserCoexistence', org: 'x', user: 'rob@contosoeast.com', coexistence: 'TeamsOnly' }, 'set rob@contosoeast.com to TeamsOnly'],
  [{ kind: 'restore', org: 'x' }, undefined],
];

describe('commandText', () => {
  it.each(rows)('%j → %s', (change, text) => {
    expect(commandText(change, 'Contoso West')).toBe(text);
  });
});
