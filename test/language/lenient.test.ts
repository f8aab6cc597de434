import { parse } from '../../src/language';
import type { Command } from '../../src/language/command';
import type { Change, SingleChange } from '../../src/policy/change';

/** Issue 13, "read leniently": one table per pattern the issue lists; every row is a real shape. */
const change = (c: Change): Command => ({ kind: 'change', change: c });
const org = '';
const several = (...changes: SingleChange[]): Command => change({ kind: 'several', org, changes });

const rows: Record<string, [string, Command][]> = {
  'extra words around a clear request': [
    ['hi, can you please block contoso.com, they keep sending us phishing chats', change({ kind: 'addBlocked', org, domains: ['contoso.com'] })],
    ['block contoso.com, fabrikam.com and northwind.com for Teams', change({ kind: 'addBlocked', org, domains: ['contoso.com', 'fabrikam.com', 'northwind.com'] })],
    ['please unblock contoso.com, we work with them again', change({ kind: 'removeBlocked', org, domains: ['contoso.com'] })],
    ['add fabrikam.com to the allowed list of domains', change({ kind: 'addAllowed', org, domains: ['fabrikam.com'] })],
  ],
  'PowerShell Set- lines become the change': [
    ['Set-CsTenantFederationConfiguration -AllowFederatedUsers $false', change({ kind: 'setFederation', org, enabled: false })],
    ['Set-CsTenantFederationConfiguration -BlockedDomains @{Add="contoso.com"}', change({ kind: 'addBlocked', org, domains: ['contoso.com'] })],
    ['Set-CsTenantFederationConfiguration -BlockedDomains @{Remove=(New-CsEdgeDomainPattern -Domain "contoso.com")}', change({ kind: 'removeBlocked', org, domains: ['contoso.com'] })],
    ['Set-CsTenantFederationConfiguration -AllowedDomainsAsAList @{Add="fabrikam.com"}', change({ kind: 'addAllowed', org, domains: ['fabrikam.com'] })],
    ['Set-CsTenantFederationConfiguration -AllowTeamsConsumer $false', change({ kind: 'setTeamsConsumer', org, outbound: false })],
    ['Set-CsTenantFederationConfiguration -AllowTeamsConsumerInbound $false', change({ kind: 'setTeamsConsumer', org, inbound: false })],
    ['Set-CsTenantFederationConfiguration -AllowPublicUsers $false', change({ kind: 'setTeamsConsumer', org, outbound: false })],
    ['Set-CsTenantFederationConfiguration -BlockAllSubdomains $true', change({ kind: 'setSubdomainBlocking', org, enabled: true })],
    ['Set-CsTenantFederationConfiguration -ExternalAccessWithTrialTenants Allowed', change({ kind: 'setTrialTenants', org, allowed: true })],
    ['Set-CsTenantFederationConfiguration -AllowedDomains (New-CsEdgeAllowAllKnownDomains)', change({ kind: 'setDomainMode', org, mode: 'allowAll' })],
    ['Set-CsExternalAccessPolicy -Identity Global -EnableFederationAccess $false', change({ kind: 'updatePolicy', org, name: 'Global', settings: { enableFederationAccess: false } })],
    ['Grant-CsExternalAccessPolicy -Identity rob@contosoeast.com -PolicyName NoFederation', change({ kind: 'assignPolicy', org, user: 'rob@contosoeast.com', policy: 'NoFederation' })],
  ],
  'PowerShell Get- lines become the question': [
    ['Get-CsTenantFederationConfiguration', { kind: 'showSettings' }],
    ['Get-CsTenantFederationConfiguration | Select-Object -ExpandProperty AllowedDomains', { kind: 'showSettings', list: 'allowed' }],
    ['Get-CsExternalAccessPolicy', { kind: 'showSettings' }],
  ],
  'parameter names as words': [
    ['AllowTeamsConsumerInbound false', change({ kind: 'setTeamsConsumer', org, inbound: false })],
    ['BlockAllSubdomains on', change({ kind: 'setSubdomainBlocking', org, enabled: true })],
    ['AllowFederatedUsers off', change({ kind: 'setFederation', org, enabled: false })],
  ],
  'admin-center labels, today and 2019': [
    ["set 'Teams and Skype for Business users in external organizations' to Off", change({ kind: 'setFederation', org, enabled: false })],
    ['turn off "Users can communicate with Skype for Business and Teams users"', change({ kind: 'setFederation', org, enabled: false })],
    ["toggle 'People in my organization can communicate with unmanaged Teams accounts' to Off", change({ kind: 'setTeamsConsumer', org, outbound: false })],
    ['under Teams accounts not managed by an organization move the slider to Off', change({ kind: 'setTeamsConsumer', org, outbound: false })],
    ['set "Choose which external domains your users have access to" to Allow only specific external domains with contoso.com and fabrikam.com', change({ kind: 'allowOnly', org, domains: ['contoso.com', 'fabrikam.com'] })],
  ],
  'ChatOps shorthand, back on, revert': [
    ['fed off', change({ kind: 'setFederation', org, enabled: false })],
    ['fed on', change({ kind: 'setFederation', org, enabled: true })],
    ['blk contoso.com', change({ kind: 'addBlocked', org, domains: ['contoso.com'] })],
    ['unblk contoso.com', change({ kind: 'removeBlocked', org, domains: ['contoso.com'] })],
    ['open federation', change({ kind: 'setDomainMode', org, mode: 'allowAll' })],
    ['closed federation', change({ kind: 'setDomainMode', org, mode: 'allowSpecific' })],
    ['closed federation, only fabrikam.com whitelisted', change({ kind: 'allowOnly', org, domains: ['fabrikam.com'] })],
    ['whitelist fabrikam.com', change({ kind: 'addAllowed', org, domains: ['fabrikam.com'] })],
    ['blacklist contoso.com', change({ kind: 'addBlocked', org, domains: ['contoso.com'] })],
    ['turn external access back on', change({ kind: 'setFederation', org, enabled: true })],
    ['roll back the last external access change', { kind: 'undo' }],
    ['revert', { kind: 'undo' }],
  ],
  'more real shapes': [
    ['lift the block on contoso.com', change({ kind: 'removeBlocked', org, domains: ['contoso.com'] })],
    ['Set external access to allow only fabrikam.com', change({ kind: 'allowOnly', org, domains: ['fabrikam.com'] })],
    ['turn off "Allow users in my organization to communicate with Skype users"', change({ kind: 'setTeamsConsumer', org, outbound: false })],
    ['we need to block all external domains asap, security incident', change({ kind: 'setDomainMode', org, mode: 'blockAll' })],
    ['undo that last change please', { kind: 'undo' }],
    ['chat with alice@outlook.com fails', { kind: 'reach', to: 'alice@outlook.com' }],
    ['how do I allow only certain domains?', { kind: 'howto', topic: 'domains' }],
  ],
  'per user': [
    ['stop rob@contosoeast.com from chatting with external people', change({ kind: 'setUserFederation', org, user: 'rob@contosoeast.com', enabled: false })],
    ['federation off for rob@contosoeast.com', change({ kind: 'setUserFederation', org, user: 'rob@contosoeast.com', enabled: false })],
    ['let rob@contosoeast.com collaborate only with fabrikam.com', change({ kind: 'setUserAllowOnly', org, user: 'rob@contosoeast.com', domains: ['fabrikam.com'] })],
    ['let rob@contosoeast.com talk only to fabrikam.com and contosowest.com', change({ kind: 'setUserAllowOnly', org, user: 'rob@contosoeast.com', domains: ['fabrikam.com', 'contosowest.com'] })],
    ['restrict rob@contosoeast.com to fabrikam.com', change({ kind: 'setUserAllowOnly', org, user: 'rob@contosoeast.com', domains: ['fabrikam.com'] })],
    ["put rob@contosoeast.com back to the organization's settings", change({ kind: 'assignPolicy', org, user: 'rob@contosoeast.com', policy: 'Global' })],
  ],
  'two compatible changes in one message': [
    ['add allowed domain fabrikam.com and blocked domain contoso.com', several({ kind: 'addAllowed', org, domains: ['fabrikam.com'] }, { kind: 'addBlocked', org, domains: ['contoso.com'] })],
    ['select Block all external domains and under Teams accounts not managed by an organization move the slider to Off', several({ kind: 'setDomainMode', org, mode: 'blockAll' }, { kind: 'setTeamsConsumer', org, outbound: false })],
    ['turn on external access and block x.com', several({ kind: 'setFederation', org, enabled: true }, { kind: 'addBlocked', org, domains: ['x.com'] })],
  ],
  'a negation scoped to something else': [
    ['disable external access (not guest access)', change({ kind: 'setFederation', org, enabled: false })],
    ['allow all external domains again, we are not blocking anyone anymore', change({ kind: 'setDomainMode', org, mode: 'allowAll' })],
  ],
  'hypotheticals get the impact': [
    ['what happens if I block contoso.com?', { kind: 'whatIf', change: { kind: 'addBlocked', org, domains: ['contoso.com'] } }],
    ['what if we turn off external access', { kind: 'whatIf', change: { kind: 'setFederation', org, enabled: false } }],
  ],
  "Teams' own error messages": [
    ["I get 'We can't set up the conversation because your organizations are not set up to talk to each other' when I chat with bob@fabrikam.com", { kind: 'reach', to: 'bob@fabrikam.com' }],
    ["1:1 federation chat doesnt seem to work with bob@fabrikam.com: 'Failed to send. We ran into a problem sending this message. Try again later'", { kind: 'reach', to: 'bob@fabrikam.com' }],
    ["cant chat in teams with ann@contosowest.com, it says 'Administrator has disabled chat for this user'", { kind: 'reach', to: 'ann@contosowest.com' }],
    ["'user not found' when I message ann@contosowest.com", { kind: 'reach', to: 'ann@contosowest.com' }],
    ['fabrikam.com', { kind: 'domainStatus', domain: 'fabrikam.com' }],
  ],
  'who changed, how to': [
    ['who changed our external access to Block all external domains?', { kind: 'history', setting: 'domainMode' }],
    ['we did not change it to block all external domains, who did?', { kind: 'history', setting: 'domainMode' }],
    ['who turned off external access?', { kind: 'history', setting: 'allowFederatedUsers' }],
    ['who blocked contoso.com?', { kind: 'history', setting: 'blockedDomains' }],
    ['who changed something?', { kind: 'history' }],
    ['how do I block a specific domain in Teams external access?', { kind: 'howto', topic: 'domains' }],
    ['is it possible to restrict external access to specific users only?', { kind: 'howto', topic: 'perUser' }],
    ['how can I block contoso.com?', { kind: 'howto', change: { kind: 'addBlocked', org, domains: ['contoso.com'] } }],
  ],
  'feature synonyms and unknown features': [
    ['can I do desktop sharing with people from fabrikam.com?', { kind: 'feature', feature: 'screenSharing' }],
    ['can we send GIFs to external users?', { kind: 'feature', feature: 'giphy' }],
    ['can external users see my status?', { kind: 'feature', feature: 'presence' }],
    ['why is the paperclip (Attach) icon missing in my external chats?', { kind: 'feature', feature: 'shareFiles' }],
    ['can external users be in a group chat or only 1:1 chat?', { kind: 'feature', feature: 'groupChat', also: ['chat'] }],
    ['do read receipts work with external access users?', { kind: 'featureUnknown', name: 'read receipts', near: [] }],
  ],
};

describe.each(Object.entries(rows))('lenient reading: %s', (_name, table) => {
  it.each(table)('%j', (text, expected) => {
    expect(parse(text)).toEqual({ ok: true, command: expected, notes: expect.any(Array) });
  });
});

describe('still refused', () => {
  it.each([
    "don't block contoso.com, they keep sending us phishing chats",
    'block contoso.com for rob',
    'block x.com unless they pay',
    'yes block x.com',
    'turn on external access and subdomain blocking',
    'block a.com and unblock a.com',
    'fed off?',
  ])('%j is not a change', (text) => {
    const r = parse(text);
    expect(r.ok && (r.command.kind === 'change' || r.command.kind === 'undo')).toBe(false);
  });

  it('a question is offered questions, never a change to press', () => {
    const r = parse('why does the thing with fabrikam.com not do the stuff properly hmm?');
    const offered = r.ok ? [] : r.suggestions.map((s) => parse(s));
    expect(offered.some((p) => p.ok && p.command.kind === 'change')).toBe(false);
  });
});

describe('taken back or hypothetical, wherever it is said', () => {
  it.each(['block contoso.com, or maybe not', "block contoso.com, actually don't", 'turn off external access, on second thought no'])('%j is not a change', (text) => {
    const r = parse(text);
    expect(r.ok && r.command.kind === 'change').toBe(false);
  });
  it('"I wonder what happens if we block x.com" shows the impact', () => {
    expect(parse('I wonder what happens if we block contoso.com')).toEqual({ ok: true, command: { kind: 'whatIf', change: { kind: 'addBlocked', org: '', domains: ['contoso.com'] } }, notes: [] });
  });
});
