import type { OrgSettings, TenantExtraMap, TenantExtras, UserPolicy } from '../policy/model';

/** A setting the tenant has and the bot does not model: kept in the reading and shown, never dropped. */
export interface Unmanaged {
  /** Where it was found, e.g. "TreatDiscoveredPartnersAsUnverified" or "policy Sales: EnableXmppAccess". */
  setting: string;
  value: string;
}

/** An entry that could not be taken over, with why (a malformed domain, an address of another tenant). */
export interface Skipped {
  input: string;
  reason: string;
}

interface Common {
  unmanaged: Unmanaged[];
  skipped: Skipped[];
  /** Facts worth telling before Confirm (a value kept as it is, a mode derived from the lists). */
  notes: string[];
}

/** What `Get-CsTenantFederationConfiguration | ConvertTo-Json` said, in the model's terms. */
export interface FederationReading extends Common {
  kind: 'federation';
  settings: Partial<OrgSettings>;
  /** The unmodeled properties, kept in the store as they were read. */
  extras: TenantExtraMap;
}

/** What `Get-CsExternalAccessPolicy | ConvertTo-Json` said: every policy it listed. */
export interface PoliciesReading extends Common {
  kind: 'policies';
  policies: UserPolicy[];
  /** Each listed policy's unmodeled properties, by policy name. */
  extras: Record<string, TenantExtraMap>;
}

/** A CSV/TXT of user → policy (Global when the policy column is empty). */
export interface AssignmentsReading extends Common {
  kind: 'assignments';
  assignments: { user: string; policy: string }[];
}

/** This bot's own JSON export: the whole state of one organization. */
export interface ExportReading extends Common {
  kind: 'export';
  /** The domains of the organization the export was made for. */
  domains: string[];
  settings: Partial<OrgSettings>;
  policies: UserPolicy[];
  assignments: { user: string; policy: string }[];
  /** What the exported organization kept of its tenant's unmodeled properties. */
  extras: TenantExtras;
}

export type TenantReading = FederationReading | PoliciesReading | AssignmentsReading | ExportReading;

/** Why a text cannot be read; nothing is changed. */
export interface ReadFailure {
  ok: false;
  /** not-json: not JSON or CSV at all; other-cmdlet: JSON of something else; invalid: the right shape with unreadable values. */
  code: 'empty' | 'not-json' | 'other-cmdlet' | 'invalid' | 'not-yours';
  reason: string;
}

export type ReadResult = { ok: true; reading: TenantReading } | ReadFailure;

/** The cmdlet each reading came from, as the admin ran it. */
export const SOURCES: Record<TenantReading['kind'], string> = {
  federation: 'Get-CsTenantFederationConfiguration',
  policies: 'Get-CsExternalAccessPolicy',
  assignments: 'a user → policy list',
  export: 'a Federation Assistant export',
};
