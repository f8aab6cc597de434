import type { Command } from './command';
import type { Change } from '../policy/change';

/**
 * A canonical phrasing: what the help card shows as a button and a Teams manifest lists. The button
 * never acts: a question is answered, a change or undo is previewed for the presser's own
 * organization (only Confirm applies it), "yes" and "cancel" only explain themselves.
 */
export interface Example {
  text: string;
  title: string;
  /** Who may use it: changes, undo and history are for admins. */
  role: 'admin' | 'user';
  command: Command;
}

const c = (change: Change): Command => ({ kind: 'change', change });
const admin = (text: string, title: string, change: Change): Example => ({ text, title, role: 'admin', command: c(change) });
const user = (text: string, title: string, command: Command): Example => ({ text, title, role: 'user', command });
const org = '';

/** Every command kind and every change kind a person types (not `restore`), each parsing back to its command. */
export const EXAMPLES: readonly Example[] = [
  admin('turn off external access', 'Turn off external access', { kind: 'setFederation', org, enabled: false }),
  admin('turn on external access', 'Turn on external access', { kind: 'setFederation', org, enabled: true }),
  admin('allow all external domains', 'Allow all external domains', { kind: 'setDomainMode', org, mode: 'allowAll' }),
  admin('allow only specific external domains', 'Allow only specific domains', { kind: 'setDomainMode', org, mode: 'allowSpecific' }),
  admin('block only specific external domains', 'Block only specific domains', { kind: 'setDomainMode', org, mode: 'blockSpecific' }),
  admin('block all external domains', 'Block all external domains', { kind: 'setDomainMode', org, mode: 'blockAll' }),
  admin('allow only fabrikam.com and contosowest.com', 'Allow only these domains', { kind: 'allowOnly', org, domains: ['fabrikam.com', 'contosowest.com'] }),
  admin('allow fabrikam.com', 'Allow a domain', { kind: 'addAllowed', org, domains: ['fabrikam.com'] }),
  admin('remove fabrikam.com from the allowed domains', 'Remove an allowed domain', { kind: 'removeAllowed', org, domains: ['fabrikam.com'] }),
  admin('block fabrikam.com', 'Block a domain', { kind: 'addBlocked', org, domains: ['fabrikam.com'] }),
  admin('unblock fabrikam.com', 'Unblock a domain', { kind: 'removeBlocked', org, domains: ['fabrikam.com'] }),
  admin('unblock fabrikam.com for contosowest.com', 'Unblock a domain for another organization', { kind: 'removeBlocked', org: 'contosowest.com', domains: ['fabrikam.com'] }),
  admin('turn on subdomain blocking', 'Also block subdomains', { kind: 'setSubdomainBlocking', org, enabled: true }),
  admin('turn off subdomain blocking', 'Stop blocking subdomains', { kind: 'setSubdomainBlocking', org, enabled: false }),
  admin('block unmanaged Teams accounts', 'Block unmanaged Teams accounts', { kind: 'setTeamsConsumer', org, outbound: false }),
  admin('allow unmanaged Teams accounts', 'Allow unmanaged Teams accounts', { kind: 'setTeamsConsumer', org, outbound: true }),
  admin('block inbound from unmanaged Teams accounts', 'Only our users start chats with unmanaged accounts', { kind: 'setTeamsConsumer', org, inbound: false }),
  admin('allow inbound from unmanaged Teams accounts', 'Let unmanaged accounts start chats', { kind: 'setTeamsConsumer', org, inbound: true }),
  admin('block trial tenants', 'Block trial-only tenants', { kind: 'setTrialTenants', org, allowed: false }),
  admin('allow trial tenants', 'Allow trial-only tenants', { kind: 'setTrialTenants', org, allowed: true }),
  admin('allow trial tenant fabrikam.com', 'Allow one trial tenant', { kind: 'addTrialException', org, domains: ['fabrikam.com'] }),
  admin('remove trial tenant fabrikam.com', 'Remove a trial tenant exception', { kind: 'removeTrialException', org, domains: ['fabrikam.com'] }),
  admin('create policy NoExternal with external access off', 'Create a user policy', { kind: 'createPolicy', org, name: 'NoExternal', settings: { enableFederationAccess: false } }),
  admin('block all external domains in policy NoExternal', 'Change a user policy', { kind: 'updatePolicy', org, name: 'NoExternal', settings: { communicationWithExternalOrgs: 'BlockAllExternalDomains' } }),
  admin('assign policy NoExternal to rob@contosoeast.com', 'Assign a user policy', { kind: 'assignPolicy', org, user: 'rob@contosoeast.com', policy: 'NoExternal' }),
  admin('turn off external access for rob@contosoeast.com', 'Turn off external access for one person', { kind: 'setUserFederation', org, user: 'rob@contosoeast.com', enabled: false }),
  admin('turn on external access for rob@contosoeast.com', 'Turn on external access for one person', { kind: 'setUserFederation', org, user: 'rob@contosoeast.com', enabled: true }),
  admin('set rob@contosoeast.com to TeamsOnly', 'Set a coexistence mode', { kind: 'setUserCoexistence', org, user: 'rob@contosoeast.com', coexistence: 'TeamsOnly' }),
  admin('move rob@contosoeast.com online', 'Mark a user as homed online', { kind: 'setUserCoexistence', org, user: 'rob@contosoeast.com', onPremises: false }),
  { text: 'undo', title: 'Undo the last change', role: 'admin', command: { kind: 'undo' } },
  { text: 'history', title: 'Change history', role: 'admin', command: { kind: 'history' } },
  user('can rob@contosoeast.com chat with ann@contosowest.com?', 'Can two people chat?', { kind: 'reach', from: 'rob@contosoeast.com', to: 'ann@contosowest.com', medium: 'chat' }),
  user('can I reach fabrikam.com?', 'Can I reach a domain?', { kind: 'reach', to: 'fabrikam.com' }),
  user('can I call ann@contosowest.com?', 'Can I call someone?', { kind: 'reach', to: 'ann@contosowest.com', medium: 'call' }),
  user('is fabrikam.com blocked?', 'Is a domain blocked?', { kind: 'domainStatus', domain: 'fabrikam.com' }),
  user('who can we talk to?', 'Who can we talk to?', { kind: 'whoCanWeTalkTo' }),
  user('show settings', 'Show settings', { kind: 'showSettings' }),
  user('show blocked domains', 'Show blocked domains', { kind: 'showSettings', list: 'blocked' }),
  user('who can reach whom?', 'Who can reach whom', { kind: 'matrix' }),
  user('compare external and guest access', 'External vs guest access', { kind: 'comparison', edition: 'today' }),
  user('show the 2019 comparison table', 'The 2019 comparison', { kind: 'comparison', edition: '2019' }),
  user('can external users share files?', 'Can external users share files?', { kind: 'feature', feature: 'shareFiles' }),
  user('can external users be added to a group chat?', 'Group chats with external users', { kind: 'feature', feature: 'groupChat' }),
  user('help', 'Help', { kind: 'help' }),
  user('yes', 'Confirm', { kind: 'confirm' }),
  user('cancel', 'Cancel', { kind: 'cancel' }),
];
