import type { ResolvedParticipant } from './participant';

/**
 * One clause naming the setting that decided a check and whose it is ("Contoso West turned external
 * access off (AllowFederatedUsers)", "ann@contosowest.com's policy NoFed has EnableFederationAccess
 * off"): verdict summaries are built from these, so every one-line answer says what decided it.
 */
export function because(id: string, self: ResolvedParticipant, setting: string, found: string): string {
  const org = self.participant.orgName;
  const who = self.participant.address;
  const policy = self.policy?.policy.name ?? 'Global';
  switch (id) {
    case 'org.allowFederatedUsers':
      return `${org} turned external access off (AllowFederatedUsers)`;
    case 'org.allowTeamsConsumer':
      return `${org} turned off chat with unmanaged Teams accounts (AllowTeamsConsumer)`;
    case 'org.allowTeamsConsumerInbound':
      return `${org} does not let unmanaged Teams accounts start conversations (AllowTeamsConsumerInbound)`;
    case 'org.domainRule':
      return `${org}: ${found} (${setting})`;
    case 'org.trialTenants':
      return `${org} blocks trial-only tenants (ExternalAccessWithTrialTenants): ${found}`;
    case 'policy.enableFederationAccess':
    case 'policy.enableTeamsConsumerAccess':
    case 'policy.enableTeamsConsumerInbound':
      return `${who}'s policy ${policy} has ${setting} off`;
    case 'policy.communicationWithExternalOrgs':
      return `${who}: ${found} (${setting})`;
    case 'user.onPremises':
      return `${who} is homed in Skype for Business Server on-premises (${org})`;
    default:
      return `${org}: ${found} (${setting})`;
  }
}
