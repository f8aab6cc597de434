import { z } from 'zod';

/**
 * The policy model: what the store holds and the engine reasons about.
 * Domains are stored in their ASCII (punycode) form, lower case, no trailing dot.
 * Everything is plain JSON so a model can be written, compared and copied byte for byte.
 */

/** Today's admin-center wording for the domain rule (Users > External access). */
export const DOMAIN_MODES = ['allowAll', 'allowSpecific', 'blockSpecific', 'blockAll'] as const;
export type DomainMode = (typeof DOMAIN_MODES)[number];

export const COMMUNICATION_WITH_EXTERNAL_ORGS = [
  'OrganizationDefault',
  'AllowAllExternalDomains',
  'AllowSpecificExternalDomains',
  'BlockSpecificExternalDomains',
  'BlockAllExternalDomains',
] as const;
export type CommunicationWithExternalOrgs = (typeof COMMUNICATION_WITH_EXTERNAL_ORGS)[number];

export const COEXISTENCE_MODES = ['TeamsOnly', 'Islands', 'SfBOnly'] as const;
export type CoexistenceMode = (typeof COEXISTENCE_MODES)[number];

export const orgSettingsSchema = z.strictObject({
  /** AllowFederatedUsers: the master switch. */
  allowFederatedUsers: z.boolean(),
  domainMode: z.enum(DOMAIN_MODES),
  /** AllowedDomains: in effect only in allowSpecific mode. */
  allowedDomains: z.array(z.string()),
  /** BlockedDomains: in effect only in blockSpecific mode. */
  blockedDomains: z.array(z.string()),
  blockAllSubdomains: z.boolean(),
  /** AllowTeamsConsumer / AllowTeamsConsumerInbound: unmanaged (personal) Teams accounts. */
  allowTeamsConsumer: z.boolean(),
  allowTeamsConsumerInbound: z.boolean(),
  /** ExternalAccessWithTrialTenants, with AllowedTrialTenantDomains as exceptions. */
  trialTenants: z.enum(['Blocked', 'Allowed']),
  allowedTrialTenantDomains: z.array(z.string()),
});
export type OrgSettings = z.infer<typeof orgSettingsSchema>;

export const GLOBAL_POLICY = 'Global';

/** A policy's fields without the rules between them (changes take parts of it). */
export const userPolicyFields = z.strictObject({
  name: z.string().min(1).max(64),
  enableFederationAccess: z.boolean(),
  enableTeamsConsumerAccess: z.boolean(),
  enableTeamsConsumerInbound: z.boolean(),
  communicationWithExternalOrgs: z.enum(COMMUNICATION_WITH_EXTERNAL_ORGS),
  allowedExternalDomains: z.array(z.string()),
  blockedExternalDomains: z.array(z.string()),
});

/**
 * Microsoft Learn, Set-CsExternalAccessPolicy: CommunicationWithExternalOrgs cannot be changed on the
 * Global policy, which always follows the organization's settings. A hand-edited store saying otherwise
 * is refused at load instead of being evaluated as something Teams cannot do.
 */
export const userPolicySchema = userPolicyFields.superRefine((p, ctx) => {
  if (p.name.toLowerCase() === GLOBAL_POLICY.toLowerCase() && p.communicationWithExternalOrgs !== 'OrganizationDefault') {
    ctx.addIssue({
      code: 'custom',
      path: ['communicationWithExternalOrgs'],
      message: `the Global policy's CommunicationWithExternalOrgs is always OrganizationDefault (Teams does not let the Global policy replace the organization's domain rule), found ${p.communicationWithExternalOrgs}: use a custom policy for that rule`,
    });
  }
});
export type UserPolicy = z.infer<typeof userPolicySchema>;

/**
 * Why a coexistence mode cannot go with where the user is homed, or undefined when it can. Microsoft
 * Learn, "Coexistence with Skype for Business" / "Skype for Business Online retirement": TeamsOnly
 * users are homed online; since 31 July 2021 every user homed online is TeamsOnly, so Islands and
 * SfBOnly exist only for users homed in Skype for Business Server on-premises.
 */
export function coexistenceProblem(coexistence: CoexistenceMode, onPremises: boolean): string | undefined {
  if (coexistence === 'TeamsOnly' && onPremises) return 'a TeamsOnly user is always homed online, never in Skype for Business Server on-premises';
  if (coexistence !== 'TeamsOnly' && !onPremises) return `a user homed online is TeamsOnly since Skype for Business Online retired (31 July 2021); ${coexistence} exists only for users homed on-premises`;
  return undefined;
}

export const userSchema = z
  .strictObject({
    address: z.string(),
    displayName: z.string().optional(),
    /** Name of the assigned external access policy; absent means Global. */
    policy: z.string().optional(),
    coexistence: z.enum(COEXISTENCE_MODES),
    /** Homed in Skype for Business Server on-premises: federates through the Skype for Business client. */
    onPremises: z.boolean(),
  })
  .superRefine((u, ctx) => {
    const problem = coexistenceProblem(u.coexistence, u.onPremises);
    if (problem) ctx.addIssue({ code: 'custom', path: ['coexistence'], message: `${u.address}: ${problem}` });
  });
export type User = z.infer<typeof userSchema>;

/**
 * Bounds of what is kept of a tenant's unmodeled properties: enough for every property the cmdlets
 * print today, small enough that a hostile paste cannot grow the store or a card without end.
 */
export const TENANT_EXTRAS_LIMITS = { keys: 50, keyLength: 64, valueLength: 1000, policies: 100 } as const;

/** One unmodeled property's value as read: a primitive (a nested value is kept as its JSON text). */
export const tenantExtraValueSchema = z.union([z.string().max(TENANT_EXTRAS_LIMITS.valueLength), z.number(), z.boolean(), z.null()]);
export type TenantExtraValue = z.infer<typeof tenantExtraValueSchema>;

/** Property name → value, as the cmdlet printed it. */
export const tenantExtraMapSchema = z
  .record(z.string().min(1).max(TENANT_EXTRAS_LIMITS.keyLength), tenantExtraValueSchema)
  .refine((m) => Object.keys(m).length <= TENANT_EXTRAS_LIMITS.keys, { message: `at most ${TENANT_EXTRAS_LIMITS.keys} properties are kept` });
export type TenantExtraMap = z.infer<typeof tenantExtraMapSchema>;

/**
 * What the tenant said that the bot does not model (Get-CsTenantFederationConfiguration's and each
 * Get-CsExternalAccessPolicy's other properties). Kept so it is shown and exported as it is in the
 * tenant, never changed by the bot and never silently dropped.
 */
export const tenantExtrasSchema = z.strictObject({
  federation: tenantExtraMapSchema.optional(),
  /** By policy name. */
  policies: z
    .record(z.string().min(1).max(64), tenantExtraMapSchema)
    .refine((m) => Object.keys(m).length <= TENANT_EXTRAS_LIMITS.policies, { message: `at most ${TENANT_EXTRAS_LIMITS.policies} policies' properties are kept` })
    .optional(),
});
export type TenantExtras = z.infer<typeof tenantExtrasSchema>;

export const organizationSchema = z.strictObject({
  /** Stable id, e.g. "contoso-east". */
  id: z.string().min(1),
  name: z.string().min(1),
  /** A tenant: a Microsoft 365 organization. Consumer: unmanaged (personal) Teams accounts. */
  kind: z.enum(['tenant', 'consumer']),
  domains: z.array(z.string()).min(1),
  /** Managed: the bot holds its settings and its admins change them here. */
  managed: z.boolean(),
  /** The tenant holds only trial licences. */
  trialOnly: z.boolean(),
  /** Present exactly when managed. */
  settings: orgSettingsSchema.optional(),
  /** Global first; present for managed organizations. */
  policies: z.array(userPolicySchema),
  users: z.array(userSchema),
  /**
   * Sign-in addresses or Entra object ids of this organization's admins (in addition to BOT_ADMINS).
   * In Teams an address counts only when the sender is signed in to one of `tenantIds`.
   */
  admins: z.array(z.string()),
  /**
   * Entra tenant ids (GUIDs) of this organization: in Teams a sender belongs to the organization of
   * the tenant the channel proves, whatever their address says. Absent for organizations known by
   * name only.
   */
  tenantIds: z.array(z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'must be an Entra tenant id (GUID)')).optional(),
  /** The tenant's properties the bot does not model, as last imported; absent when none were read. */
  tenantExtras: tenantExtrasSchema.optional(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const policyModelSchema = z.strictObject({
  organizations: z.array(organizationSchema),
});
export type PolicyModel = z.infer<typeof policyModelSchema>;

/**
 * Microsoft's documented limit, per list: the Set-CsTenantFederationConfiguration reference says
 * AllowedDomains "can support up to 4,000 domains" and so does BlockedDomains, each on its own.
 */
export const DOMAIN_LIST_LIMIT = 4000;

export function defaultOrgSettings(): OrgSettings {
  return {
    allowFederatedUsers: true,
    domainMode: 'allowAll',
    allowedDomains: [],
    blockedDomains: [],
    blockAllSubdomains: false,
    allowTeamsConsumer: true,
    allowTeamsConsumerInbound: true,
    trialTenants: 'Blocked',
    allowedTrialTenantDomains: [],
  };
}

export function globalPolicy(): UserPolicy {
  return {
    name: GLOBAL_POLICY,
    enableFederationAccess: true,
    enableTeamsConsumerAccess: true,
    enableTeamsConsumerInbound: true,
    communicationWithExternalOrgs: 'OrganizationDefault',
    allowedExternalDomains: [],
    blockedExternalDomains: [],
  };
}
