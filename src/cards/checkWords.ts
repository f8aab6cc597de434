import type { Check, Participant, Verdict } from '../policy/types';

/**
 * A check in plain words, as a person would say it ("Contoso East blocks contosowest.com"): the
 * setting's name comes second, on its own line. Passed checks say what holds ("rob@… is homed online
 * (Teams)"), never the name of the thing that would have failed.
 */
export function checkWords(c: Check, v: Verdict): string {
  // Whose setting it is: by organization when only one side is in it, else by side.
  const bySide: Participant = c.side === 'from' ? v.a : v.b;
  const inA = c.orgId !== undefined && c.orgId === v.a.orgId;
  const inB = c.orgId !== undefined && c.orgId === v.b.orgId;
  const self: Participant = inA !== inB ? (inA ? v.a : v.b) : bySide;
  const other: Participant = self === v.a ? v.b : v.a;
  const org = c.orgName;
  const ok = c.status === 'passed';
  const sentence = (good: string, bad: string): string => (c.status === 'unknown' ? `${org}'s admin must make sure that ${lowerFirst(good)}` : ok ? good : bad);
  switch (c.id) {
    case 'org.allowFederatedUsers':
      return sentence(`${org} has external access on`, `${org} has external access turned off`);
    case 'policy.enableFederationAccess':
      return sentence(`${self.address} may talk to people outside ${org}`, `${self.address}'s policy turns external access off`);
    case 'org.domainRule':
    case 'policy.communicationWithExternalOrgs':
      return sentence(`${org} allows ${other.domain}`, `${org} blocks ${other.domain}`);
    case 'org.trialTenants':
      if (c.status === 'unknown') return `Not known whether ${other.orgName} is a trial-only tenant, which ${org} blocks`;
      return sentence(`${org}'s trial-tenant rule lets ${other.orgName} through`, `${org} blocks trial-only tenants, and ${other.orgName} is one`);
    case 'user.onPremises':
      return sentence(`${self.address} is homed online (Teams)`, `${self.address} is homed in Skype for Business on-premises, so cannot talk to other organizations from Teams`);
    case 'org.allowTeamsConsumer':
    case 'policy.enableTeamsConsumerAccess':
      return sentence(`${org} allows unmanaged Teams accounts`, `${org} blocks unmanaged Teams accounts`);
    case 'org.allowTeamsConsumerInbound':
    case 'policy.enableTeamsConsumerInbound':
      return sentence(`${org} lets unmanaged Teams accounts start chats`, `${org} does not let unmanaged Teams accounts start chats`);
    case 'address.valid':
      return `${c.found} is not an email address`;
    default:
      return c.status === 'unknown' ? `${org}'s admin must make sure that ${c.setting} ${c.needs}` : `${org}: ${c.setting} ${c.found}`;
  }
}

function lowerFirst(s: string): string {
  // Names and addresses keep their case; only a leading common word is lowered.
  return /^(Not|The)\b/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** The setting, second: its admin-facing name and what was found, for the reader who will change it. */
export function settingLine(c: Check): string {
  // The policy names this check after the state that fails it; shown beside a ✓ that reads as its opposite.
  const setting = c.id === 'user.onPremises' ? 'Where the user is homed' : c.setting;
  return `${setting} (${c.orgName}): ${c.found}`;
}
