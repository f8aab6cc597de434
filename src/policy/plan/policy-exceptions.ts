import { GLOBAL_POLICY } from '../model';
import type { Organization, UserPolicy } from '../model';

/** A policy that keeps its own domain rule whatever the organization's is, and who has it. */
export interface PolicyException {
  policy: UserPolicy;
  users: number;
  /** "Partners (2 users): allows only a.com" */
  text: string;
}

const RULE: Record<UserPolicy['communicationWithExternalOrgs'], string> = {
  OrganizationDefault: '',
  AllowAllExternalDomains: 'allows all external domains',
  AllowSpecificExternalDomains: 'allows specific domains',
  BlockSpecificExternalDomains: 'allows all but its blocked domains',
  BlockAllExternalDomains: '',
};

/**
 * Custom policies whose CommunicationWithExternalOrgs replaces the organization's domain rule and still
 * lets people through (federation on, a rule other than OrganizationDefault or BlockAllExternalDomains):
 * "Block all external domains" at the organization does not stop their users. Only the master switch
 * (AllowFederatedUsers) does ("IT Admins - Manage external meetings and chat with people and
 * organizations using Microsoft identities": both the organization and the user's policy must allow).
 */
export function policyExceptions(org: Organization): PolicyException[] {
  return org.policies
    .filter((p) => p.name !== GLOBAL_POLICY && p.enableFederationAccess && RULE[p.communicationWithExternalOrgs] !== '')
    .map((policy) => {
      const users = org.users.filter((u) => u.policy === policy.name).length;
      const extra = policy.communicationWithExternalOrgs === 'AllowSpecificExternalDomains' ? ` (${policy.allowedExternalDomains.length})` : '';
      return { policy, users, text: `${policy.name} (${users} user${users === 1 ? '' : 's'} listed here): ${RULE[policy.communicationWithExternalOrgs]}${extra}` };
    });
}
