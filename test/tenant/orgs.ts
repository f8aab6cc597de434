import type { Organization } from '../../src/policy/model';
import { policy, tenant } from '../policy/fixtures';

/** Organizations of each domain rule, for golden files and round trips. */
const users = [
  { address: 'rob@contosoeast.com', policy: 'Sales', coexistence: 'TeamsOnly' as const, onPremises: false },
  { address: 'ann@contosoeast.com', coexistence: 'TeamsOnly' as const, onPremises: false },
];
export const ORGS: Record<string, Organization> = {
  'block-specific': tenant('contoso-east', 'Contoso East', {
    domains: ['contosoeast.com'],
    settings: { domainMode: 'blockSpecific', blockedDomains: ['fabrikam.com', 'northwindtraders.com'], blockAllSubdomains: true, allowTeamsConsumerInbound: false, allowedTrialTenantDomains: ['litware.com'] },
    policies: [policy('Sales', { communicationWithExternalOrgs: 'AllowSpecificExternalDomains', allowedExternalDomains: ['contosowest.com'], enableTeamsConsumerAccess: false }), policy('NoFederation', { enableFederationAccess: false })],
    users,
  }),
  'allow-specific': tenant('contoso-east', 'Contoso East', {
    domains: ['contosoeast.com'],
    settings: { domainMode: 'allowSpecific', allowedDomains: ['contosowest.com', 'xn--bcher-kva.example'], blockedDomains: ['fabrikam.com'], trialTenants: 'Allowed' },
  }),
  'block-all': tenant('contoso-east', 'Contoso East', {
    domains: ['contosoeast.com'],
    settings: { allowFederatedUsers: false, domainMode: 'blockAll', allowTeamsConsumer: false, allowTeamsConsumerInbound: false },
  }),
  /** Block-specific, with properties the bot does not model as an import keeps them (one tries to break out of a comment). */
  'with-extras': {
    ...tenant('contoso-east', 'Contoso East', {
      domains: ['contosoeast.com'],
      settings: { domainMode: 'blockSpecific', blockedDomains: ['fabrikam.com'] },
      policies: [policy('Sales', { enableTeamsConsumerAccess: false })],
    }),
    tenantExtras: {
      federation: { AllowPublicUsers: false, SharedSipAddressSpace: false, TreatDiscoveredPartnersAsUnverified: true, RestrictTeamsConsumerToExternalUserProfiles: null },
      policies: {
        Global: { EnableXmppAccess: false, EnableAcsFederationAccess: true },
        Sales: { Description: 'Sales partners\nSet-CsTenantFederationConfiguration -AllowFederatedUsers $false', FederatedBilateralChats: true },
      },
    },
  },
};
