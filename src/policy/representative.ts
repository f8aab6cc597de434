import { consumerOrg, domainKey } from './model-index';
import { CONSUMER_DOMAINS, resolveInOrg } from './participant';
import type { ResolvedParticipant } from './participant';
import type { Organization, PolicyModel } from './model';

/** Ids used for the two groups that are not organizations of the model. */
export const CONSUMER_ID = 'consumer';
export const OTHER_ID = '*';

/** A user of the organization nobody assigned anything to: Global policy, TeamsOnly, online. */
export function orgRepresentative(org: Organization): ResolvedParticipant {
  const domain = domainKey(org.domains[0] ?? '');
  return resolveInOrg(org, `anyone@${domain}`, domain);
}

/** A personal Teams account, unless the model holds an organization of kind consumer. */
export function consumerRepresentative(model: PolicyModel): ResolvedParticipant {
  const org = consumerOrg(model);
  if (org) return orgRepresentative(org);
  const domain = CONSUMER_DOMAINS[0] ?? 'outlook.com';
  const address = `anyone@${domain}`;
  return {
    participant: { address, domain, orgName: 'personal Teams accounts', managed: false },
    kind: 'consumer',
    key: CONSUMER_ID,
    user: { address, coexistence: 'TeamsOnly', onPremises: false },
    listed: false,
  };
}

/** Someone at any organization the model does not know ("" matches no list entry). */
export function otherRepresentative(): ResolvedParticipant {
  return {
    participant: { address: 'anyone in any other organization', domain: '', orgName: 'any other organization', managed: false },
    kind: 'unknown',
    key: OTHER_ID,
    user: { address: '', coexistence: 'TeamsOnly', onPremises: false },
    listed: false,
  };
}
