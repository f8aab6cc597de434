import type { Organization } from '../policy/model';
import { globalPolicy } from '../policy/model';
import { assignmentsOf, federationShape, policyShape } from './teams-shape';

/** Marks this bot's export, so the importer knows it and its version. */
export const EXPORT_MARK = 'FederationAssistantExport';
export const EXPORT_VERSION = 1;
/** Where the export keeps the tenant's properties the bot does not manage, as they were imported. */
export const EXTRAS_KEY = 'NotManagedHere';

/**
 * The organization as JSON: the Teams-shaped configuration and policies (what the cmdlets print), the
 * user → policy list, and the model's own settings, which keep what Teams cannot say (a blocked list
 * stored while every domain is allowed) so an import gives back exactly the same state; and, under
 * NotManagedHere, the tenant's properties the bot does not manage, as they were imported.
 */
export function exportJson(org: Organization, now: Date): string {
  const settings = org.settings;
  const policies = org.policies.length > 0 ? org.policies : [globalPolicy()];
  const doc = {
    [EXPORT_MARK]: EXPORT_VERSION,
    ExportedAt: now.toISOString(),
    Organization: { Id: org.id, Name: org.name, Domains: org.domains },
    ...(settings ? { TenantFederationConfiguration: federationShape(settings), Settings: settings } : {}),
    ExternalAccessPolicies: policies.map(policyShape),
    PolicyAssignments: assignmentsOf(org).map((a) => ({ UserPrincipalName: a.user, ExternalAccessPolicy: a.policy })),
    ...(org.tenantExtras ? { [EXTRAS_KEY]: org.tenantExtras } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
