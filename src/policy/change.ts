import { z } from 'zod';
import {
  COMMUNICATION_WITH_EXTERNAL_ORGS,
  COEXISTENCE_MODES,
  DOMAIN_MODES,
  orgSettingsSchema,
  tenantExtrasSchema,
  userPolicyFields,
  userPolicySchema,
  userSchema,
} from './model';

/**
 * Every change an admin can ask for, as data. `org` is the id of the organization changed.
 * Domains here are raw user input; the engine validates and normalizes them when planning.
 * The schema doubles as the validator of untrusted card-action data.
 */
const domains = z.array(z.string().max(300)).min(1).max(4000);
/** Organization id; "" in a parsed command means "the sender's own", resolved by the bot. */
const org = z.string().max(100);

const singleChanges = [
  /** AllowFederatedUsers: the master switch. */
  z.strictObject({ kind: z.literal('setFederation'), org, enabled: z.boolean() }),
  /** Switch the domain rule; the lists stay stored. */
  z.strictObject({ kind: z.literal('setDomainMode'), org, mode: z.enum(DOMAIN_MODES) }),
  /** "allow only a.com and b.com": allow-list mode with exactly these domains. */
  z.strictObject({ kind: z.literal('allowOnly'), org, domains }),
  z.strictObject({ kind: z.literal('addAllowed'), org, domains }),
  z.strictObject({ kind: z.literal('removeAllowed'), org, domains }),
  /** Add to the block list; switches an open organization to block-specific mode. */
  z.strictObject({ kind: z.literal('addBlocked'), org, domains }),
  z.strictObject({ kind: z.literal('removeBlocked'), org, domains }),
  z.strictObject({ kind: z.literal('setSubdomainBlocking'), org, enabled: z.boolean() }),
  z.strictObject({
    kind: z.literal('setTeamsConsumer'),
    org,
    outbound: z.boolean().optional(),
    inbound: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('setTrialTenants'), org, allowed: z.boolean() }),
  z.strictObject({ kind: z.literal('addTrialException'), org, domains }),
  z.strictObject({ kind: z.literal('removeTrialException'), org, domains }),
  /** Create a custom external access policy (copy of Global with the given settings). */
  z.strictObject({
    kind: z.literal('createPolicy'),
    org,
    name: z.string().min(1).max(64),
    settings: userPolicyFields.omit({ name: true }).partial().optional(),
  }),
  z.strictObject({
    kind: z.literal('updatePolicy'),
    org,
    name: z.string().min(1).max(64),
    settings: userPolicyFields.omit({ name: true }).partial(),
  }),
  z.strictObject({ kind: z.literal('assignPolicy'), org, user: z.string().max(320), policy: z.string().min(1).max(64) }),
  /** "turn off external access for rob@…": assigns a federation-off policy (or back to Global). */
  z.strictObject({ kind: z.literal('setUserFederation'), org, user: z.string().max(320), enabled: z.boolean() }),
  z.strictObject({
    kind: z.literal('setUserCoexistence'),
    org,
    user: z.string().max(320),
    coexistence: z.enum(COEXISTENCE_MODES).optional(),
    onPremises: z.boolean().optional(),
  }),
  /**
   * Take over what the tenant itself says (Teams PowerShell output read by src/tenant): settings as a
   * whole, policies by name (null: the tenant has no such policy), user → policy assignments.
   * `source` names what was read, for the preview and the audit ("imported from …").
   */
  z.strictObject({
    kind: z.literal('import'),
    org,
    source: z.string().min(1).max(200),
    settings: orgSettingsSchema.partial().optional(),
    policies: z.record(z.string().max(64), userPolicySchema.nullable()).optional(),
    assignments: z.record(z.string().max(320), z.string().min(1).max(64)).optional(),
    /**
     * The tenant's unmodeled properties as read: `federation` replaces what is kept (an empty map
     * clears it), `policies` replaces the named policies' entries.
     */
    tenantExtras: tenantExtrasSchema.optional(),
  }),
  /**
   * "let rob@… talk only to fabrikam.com": a user policy with CommunicationWithExternalOrgs =
   * AllowSpecificExternalDomains and these domains, assigned to that person.
   */
  z.strictObject({ kind: z.literal('setUserAllowOnly'), org, user: z.string().max(320), domains }),
  /** Put back exactly what a change touched; used by undo. Not something a person types. */
  z.strictObject({
    kind: z.literal('restore'),
    org,
    settings: orgSettingsSchema.partial().optional(),
    /** Policies by name: the full policy, or null when it did not exist. */
    policies: z.record(z.string(), userPolicySchema.nullable()).optional(),
    /** Users by address: the full user, or null when absent. */
    users: z.record(z.string(), userSchema.nullable()).optional(),
    /** The unmodeled tenant properties as they were, or null when none were kept. */
    tenantExtras: tenantExtrasSchema.nullable().optional(),
  }),
] as const;

const singleChange = z.discriminatedUnion('kind', [...singleChanges]);

/**
 * Every change an admin can ask for. `several` is two or more changes of one organization asked in
 * one message: planned as one, previewed and confirmed once, audited as one entry, undone together.
 */
export const changeSchema = z.discriminatedUnion('kind', [
  ...singleChanges,
  z.strictObject({ kind: z.literal('several'), org, changes: z.array(singleChange).min(2).max(5) }),
]);
export type Change = z.infer<typeof changeSchema>;
export type ChangeKind = Change['kind'];
/** A change that is not `several`: what `several` holds. */
export type SingleChange = z.infer<typeof singleChange>;

export { COMMUNICATION_WITH_EXTERNAL_ORGS };
