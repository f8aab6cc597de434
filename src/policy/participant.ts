import { normalizeAddress } from './domain';
import { indexOrg, orgOfDomain } from './model-index';
import type { PolicyIndex } from './model-index';
import type { Organization, PolicyModel, User } from './model';
import type { Participant } from './types';

/**
 * Public mail domains no organization can verify in Microsoft Entra, so a Teams account there is always
 * a personal (unmanaged) one. Not the only personal accounts: a personal Microsoft account can use any
 * email address (Microsoft Learn, "Create a Microsoft account"), so an address of a domain no known
 * organization claims gets both answers (work account / personal account), see reach.ts.
 */
export const CONSUMER_DOMAINS: readonly string[] = ['outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'gmail.com', 'googlemail.com', 'yahoo.com', 'icloud.com', 'me.com', 'aol.com'];

/**
 * managed: settings known here; known: organization known by name only; unknown: a domain nobody
 * in the model owns; consumer: an unmanaged (personal) Teams account; invalid: not an address.
 */
export type ParticipantKind = 'managed' | 'known' | 'unknown' | 'consumer' | 'invalid';

/** A participant with everything the rules need about it. */
export interface ResolvedParticipant {
  participant: Participant;
  kind: ParticipantKind;
  /** Groups participants of one organization (org id, or the domain for unknown ones). */
  key: string;
  org?: Organization;
  /** The listed user, or the defaults (Global policy, TeamsOnly, online). */
  user: User;
  listed: boolean;
  /** The effective external access policy (managed organizations only). */
  policy?: PolicyIndex;
  /** The organization's trial-only flag; undefined when not known. */
  trialOnly?: boolean;
  /** Why the address could not be read (kind invalid). */
  invalid?: string;
}

const defaultUser = (address: string): User => ({ address, coexistence: 'TeamsOnly', onPremises: false });

/** Who owns the address's domain, and the user's effective settings. Never throws. */
export function resolveParticipant(model: PolicyModel, address: string): ResolvedParticipant {
  const normalized = normalizeAddress(address);
  const domain = normalized === undefined ? undefined : normalized.slice(normalized.lastIndexOf('@') + 1);
  if (normalized === undefined || domain === undefined) {
    const raw = address.trim();
    return {
      participant: { address: raw, domain: '', orgName: raw || '(empty)', managed: false },
      kind: 'invalid',
      key: `invalid:${raw}`,
      user: defaultUser(raw),
      listed: false,
      invalid: raw === '' ? 'no address was given' : `\`${raw}\` is not an email address with a valid domain`,
    };
  }
  const org = orgOfDomain(model, domain);
  if (org === undefined) {
    const consumer = CONSUMER_DOMAINS.includes(domain);
    return {
      participant: { address: normalized, domain, orgName: consumer ? 'personal Teams account' : domain, managed: false },
      kind: consumer ? 'consumer' : 'unknown',
      // Each personal account is its own: two gmail.com addresses are not one organization.
      key: consumer ? `consumer:${normalized}` : `domain:${domain}`,
      user: defaultUser(normalized),
      listed: false,
    };
  }
  return resolveInOrg(org, normalized, domain);
}

/** A member (listed or not) of a known organization. */
export function resolveInOrg(org: Organization, address: string, domain: string): ResolvedParticipant {
  const idx = indexOrg(org);
  const listedUser = idx.users.get(address);
  const user = listedUser ?? defaultUser(address);
  const managed = org.managed && org.settings !== undefined;
  const kind: ParticipantKind = org.kind === 'consumer' ? 'consumer' : managed ? 'managed' : 'known';
  const policy = managed ? (idx.policies.get(user.policy ?? '') ?? idx.global) : undefined;
  return {
    participant: { address, domain, orgId: org.id, orgName: org.name, managed },
    kind,
    key: kind === 'consumer' ? 'consumer' : org.id,
    org,
    user,
    listed: listedUser !== undefined,
    ...(policy ? { policy } : {}),
    trialOnly: org.trialOnly,
  };
}

/** The same address read as a personal Microsoft account (any address can be one). */
export function asPersonal(p: ResolvedParticipant): ResolvedParticipant {
  return {
    participant: { address: p.participant.address, domain: p.participant.domain, orgName: 'personal Teams account', managed: false },
    kind: 'consumer',
    key: `consumer:${p.participant.address}`,
    user: p.user,
    listed: false,
  };
}
