import type { Change } from '../../policy/change';
import type { Command } from '../../language/command';
import { phraseChange } from '../../language';
import type { Reply, Turn } from '../turn';
import * as views from '../views';

type Of<K extends Command['kind']> = Extract<Command, { kind: K }>;
type Topic = NonNullable<Of<'howto'>['topic']>;

const CENTER = 'Teams admin center > Users > External access';

/** Where each setting lives and its PowerShell (shared/reference), with the chat command to type. */
const STEPS: Record<Topic, { title: string; center: string; powershell: string; say: string }> = {
  domains: {
    title: 'Allow or block external domains',
    center: `${CENTER} > Organization settings > "Choose which external domains your users have access to": Block only specific external domains (add the domain as Blocked) or Allow only specific external domains (add it as Allowed)`,
    powershell: 'Set-CsTenantFederationConfiguration -BlockedDomains @{Add=(New-CsEdgeDomainPattern -Domain "fabrikam.com")}',
    say: 'block fabrikam.com',
  },
  federation: {
    title: 'Turn external access on or off',
    center: `${CENTER} > Organization settings > "Teams and Skype for Business users in external organizations"`,
    powershell: 'Set-CsTenantFederationConfiguration -AllowFederatedUsers $true',
    say: 'turn on external access',
  },
  perUser: {
    title: 'External access for specific users only',
    center: `${CENTER} > Policies: add an external access policy, then assign it to those users (Users > Manage users > Policies)`,
    powershell: 'New-CsExternalAccessPolicy -Identity NoFederation -EnableFederationAccess $false; Grant-CsExternalAccessPolicy -Identity rob@contosoeast.com -PolicyName NoFederation',
    say: 'turn off external access for rob@contosoeast.com',
  },
  consumer: {
    title: 'Unmanaged (personal) Teams accounts',
    center: `${CENTER} > Organization settings > "People in my organization can communicate with unmanaged Teams accounts"`,
    powershell: 'Set-CsTenantFederationConfiguration -AllowTeamsConsumer $false',
    say: 'block unmanaged Teams accounts',
  },
  trial: {
    title: 'Trial-only tenants',
    center: 'PowerShell only: trial-tenant exceptions have no admin-center switch',
    powershell: 'Set-CsTenantFederationConfiguration -ExternalAccessWithTrialTenants Blocked',
    say: 'block trial tenants',
  },
};

function topicOf(change: Change): Topic {
  switch (change.kind) {
    case 'setFederation': return 'federation';
    case 'setTeamsConsumer': return 'consumer';
    case 'setTrialTenants': case 'addTrialException': case 'removeTrialException': return 'trial';
    case 'setUserFederation': case 'setUserAllowOnly': case 'assignPolicy': case 'createPolicy': case 'updatePolicy': case 'setUserCoexistence': return 'perUser';
    default: return 'domains';
  }
}

/** "How do I …?": the admin-center path, the PowerShell and the chat command; nothing is changed. */
export async function howto(_turn: Turn, command: Of<'howto'>): Promise<Reply[]> {
  const topic = command.topic ?? (command.change ? topicOf(command.change) : 'domains');
  const s = STEPS[topic];
  const say = (command.change ? phraseChange({ ...command.change, org: '' }) : undefined) ?? s.say;
  return [views.steps(`How to: ${s.title}`, [`Teams admin center: ${s.center}.`, `PowerShell: ${s.powershell}`, `Or tell me: “${say}” — I show a preview first and change nothing until you confirm.`])];
}
