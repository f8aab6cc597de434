import { COMMUNICATION_WITH_EXTERNAL_ORGS, GLOBAL_POLICY, globalPolicy } from '../policy/model';
import type { CommunicationWithExternalOrgs, TenantExtraMap, UserPolicy } from '../policy/model';
import { keepExtras } from './extras';
import { cleanDomains } from './federation-json';
import type { PoliciesReading, ReadFailure, Skipped, Unmanaged } from './types';
import { readBoolean, readDomainList, showValue, type Json, type JsonObject } from './values';

const MANAGED = new Set([
  'Identity',
  'EnableFederationAccess',
  'EnableTeamsConsumerAccess',
  'EnableTeamsConsumerInbound',
  'CommunicationWithExternalOrgs',
  'AllowedExternalDomains',
  'BlockedExternalDomains',
]);

/** True when the object has the telltale properties of Get-CsExternalAccessPolicy. */
export function looksLikePolicy(o: JsonObject): boolean {
  return 'EnableFederationAccess' in o && 'Identity' in o;
}

/** "Global" stays Global; "Tag:Sales" is the policy Sales. */
export function policyName(identity: string): string {
  const name = identity.trim().replace(/^tag:/i, '');
  return name.toLowerCase() === GLOBAL_POLICY.toLowerCase() ? GLOBAL_POLICY : name;
}

/** Reads every policy of the list (one object or an array); a failure names the policy and property. */
export function readPolicies(objects: readonly JsonObject[]): { ok: true; reading: PoliciesReading } | ReadFailure {
  const skipped: Skipped[] = [];
  const unmanaged: Unmanaged[] = [];
  const notes: string[] = [];
  const policies: UserPolicy[] = [];
  const extras: Record<string, TenantExtraMap> = {};
  for (const o of objects) {
    const identity = o.Identity;
    if (typeof identity !== 'string' || policyName(identity) === '' || policyName(identity).length > 64) {
      return { ok: false, code: 'invalid', reason: `A policy has an Identity I cannot read (${showValue(identity)}). Nothing was changed.` };
    }
    const name = policyName(identity);
    if (policies.some((p) => p.name.toLowerCase() === name.toLowerCase())) {
      return { ok: false, code: 'invalid', reason: `The policy ${name} is listed twice. Nothing was changed.` };
    }
    const base = globalPolicy();
    const policy: UserPolicy = { ...base, name };
    const fail = (prop: string, v: Json | undefined): ReadFailure => ({
      ok: false,
      code: 'invalid',
      reason: `Policy ${name}: ${prop} has a value I cannot read (${showValue(v)}). Nothing was changed.`,
    });
    for (const [prop, key] of [
      ['EnableFederationAccess', 'enableFederationAccess'],
      ['EnableTeamsConsumerAccess', 'enableTeamsConsumerAccess'],
      ['EnableTeamsConsumerInbound', 'enableTeamsConsumerInbound'],
    ] as const) {
      if (!(prop in o)) continue;
      const b = readBoolean(o[prop]);
      if (b === undefined) return fail(prop, o[prop]);
      policy[key] = b;
    }
    const mode = o.CommunicationWithExternalOrgs;
    if (typeof mode === 'string') {
      const known = COMMUNICATION_WITH_EXTERNAL_ORGS.find((m) => m.toLowerCase() === mode.trim().toLowerCase());
      if (!known) return fail('CommunicationWithExternalOrgs', mode);
      policy.communicationWithExternalOrgs = known as CommunicationWithExternalOrgs;
    } else if (typeof mode === 'number') {
      notes.push(`Policy ${name}: CommunicationWithExternalOrgs came as the number ${mode}, read as OrganizationDefault; run ConvertTo-Json with -EnumsAsStrings (PowerShell 7) to import it.`);
    } else if (mode !== undefined && mode !== null) return fail('CommunicationWithExternalOrgs', mode);
    if (name === GLOBAL_POLICY && policy.communicationWithExternalOrgs !== 'OrganizationDefault') {
      return fail('CommunicationWithExternalOrgs (fixed to OrganizationDefault in the Global policy)', mode);
    }
    for (const [prop, key] of [
      ['AllowedExternalDomains', 'allowedExternalDomains'],
      ['BlockedExternalDomains', 'blockedExternalDomains'],
    ] as const) {
      const list = readDomainList(o[prop]);
      if (list === undefined) return fail(prop, o[prop]);
      policy[key] = cleanDomains(list.domains, `policy ${name} ${prop}`, skipped);
    }
    for (const [k, v] of Object.entries(o)) {
      if (!MANAGED.has(k)) unmanaged.push({ setting: `policy ${name}: ${k}`, value: showValue(v) });
    }
    const kept = keepExtras(Object.entries(o).filter(([k]) => !MANAGED.has(k)), `Policy ${name}`, notes);
    if (Object.keys(kept).length > 0) extras[name] = kept;
    policies.push(policy);
  }
  if (!policies.some((p) => p.name === GLOBAL_POLICY)) {
    notes.push('The list has no Global policy: Global stays as it is here.');
  }
  return { ok: true, reading: { kind: 'policies', policies, extras, unmanaged, skipped, notes } };
}
