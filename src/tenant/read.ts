import { orgSettingsSchema, tenantExtrasSchema } from '../policy/model';
import { readAssignments } from './assignments-csv';
import { EXPORT_MARK, EXPORT_VERSION, EXTRAS_KEY } from './export-json';
import { looksLikeFederation, readFederation } from './federation-json';
import { looksLikePolicy, readPolicies } from './policies-json';
import type { ExportReading, ReadFailure, ReadResult } from './types';
import { isObject, type Json, type JsonObject } from './values';

/** Properties that name the cmdlet an admin ran by mistake, for a precise answer. */
const OTHER_CMDLETS: [string, string][] = [
  ['AllowAnonymousUsersToJoinMeeting', 'Get-CsTeamsMeetingPolicy'],
  ['AllowUserChat', 'Get-CsTeamsMessagingPolicy'],
  ['AllowGuestUser', 'Get-CsTeamsClientConfiguration'],
  ['AllowGuestCreateUpdateChannels', 'Get-CsTeamsGuestMessagingConfiguration'],
  ['AllowPrivateCalling', 'Get-CsTeamsCallingPolicy'],
  ['UserPrincipalName', 'Get-CsOnlineUser'],
  ['ProviderUrl', 'Get-CsTenantPublicProvider'],
  ['AllowedDomain', 'New-CsEdgeAllowList'],
];

const RUN_THIS = 'Run `Get-CsTenantFederationConfiguration | ConvertTo-Json -Depth 5` or `Get-CsExternalAccessPolicy | ConvertTo-Json -Depth 5` and send what it prints.';

const failure = (code: ReadFailure['code'], reason: string): ReadFailure => ({ ok: false, code, reason: `${reason} Nothing was changed.` });

/**
 * Reads what an admin sent: federation configuration JSON, external access policy JSON (one or all),
 * this bot's export, or a user → policy list. Every failure says what the text was taken for.
 */
export function readTenantText(input: string): ReadResult {
  const text = input.replace(/^\uFEFF/, '').trim();
  if (text === '') return failure('empty', 'There is nothing to read.');
  if (!/^[[{]/.test(text)) {
    if (/^\s*(Identity|AllowedDomains|AllowFederatedUsers)\s*:/m.test(text)) {
      return failure('not-json', `This is the list PowerShell prints on screen, not JSON. ${RUN_THIS}`);
    }
    return readAssignments(text);
  }
  let parsed: Json;
  try {
    parsed = JSON.parse(text) as Json;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return failure('not-json', `This starts like JSON but is not valid JSON (${why}); it may have been cut off.`);
  }
  return readJson(parsed);
}

function readJson(value: Json): ReadResult {
  // Windows PowerShell wraps piped arrays as { "value": [...], "Count": n }.
  if (isObject(value) && Array.isArray(value.value) && 'Count' in value) return readJson(value.value);
  const objects = Array.isArray(value) ? value : [value];
  if (objects.length === 0) return failure('empty', 'The JSON is an empty list.');
  if (!objects.every(isObject)) return failure('other-cmdlet', `This JSON is not a setting object. ${RUN_THIS}`);
  const list = objects as JsonObject[];
  const first = list[0]!;
  if (list.length === 1 && EXPORT_MARK in first) return readExport(first);
  if (list.every(looksLikePolicy)) return readPolicies(list);
  if (list.length === 1 && looksLikeFederation(first)) return readFederation(first);
  return failure('other-cmdlet', `This JSON is not from Get-CsTenantFederationConfiguration or Get-CsExternalAccessPolicy${guess(first)}. ${RUN_THIS}`);
}

function guess(o: JsonObject): string {
  const hit = OTHER_CMDLETS.find(([prop]) => prop in o);
  if (hit) return `: it looks like the output of ${hit[1]}`;
  const keys = Object.keys(o).slice(0, 4);
  return keys.length > 0 ? ` (its properties start ${keys.join(', ')})` : '';
}

function readExport(o: JsonObject): ReadResult {
  if (o[EXPORT_MARK] !== EXPORT_VERSION) return failure('invalid', `This export has version ${String(o[EXPORT_MARK])}; I read version ${EXPORT_VERSION}.`);
  const org = isObject(o.Organization) ? o.Organization : {};
  const domains = Array.isArray(org.Domains) ? org.Domains.filter((d): d is string => typeof d === 'string') : [];
  const reading: ExportReading = { kind: 'export', domains, settings: {}, policies: [], assignments: [], extras: {}, unmanaged: [], skipped: [], notes: [] };
  // The model's own settings are exact; the Teams-shaped part is read only when they are absent.
  const exact = orgSettingsSchema.safeParse(o.Settings);
  if (exact.success) reading.settings = exact.data;
  else if (isObject(o.TenantFederationConfiguration)) {
    const fed = readFederation(o.TenantFederationConfiguration);
    if (!fed.ok) return fed;
    Object.assign(reading, { settings: fed.reading.settings, unmanaged: fed.reading.unmanaged, skipped: fed.reading.skipped, notes: fed.reading.notes });
    if (Object.keys(fed.reading.extras).length > 0) reading.extras.federation = fed.reading.extras;
  }
  if (Array.isArray(o.ExternalAccessPolicies) && o.ExternalAccessPolicies.length > 0) {
    const pol = readPolicies(o.ExternalAccessPolicies.filter(isObject));
    if (!pol.ok) return pol;
    reading.policies = pol.reading.policies;
    reading.skipped.push(...pol.reading.skipped);
    reading.unmanaged.push(...pol.reading.unmanaged);
    if (Object.keys(pol.reading.extras).length > 0) reading.extras.policies = pol.reading.extras;
  }
  // What the organization kept of its tenant's unmodeled properties is exact where present.
  if (o[EXTRAS_KEY] !== undefined) {
    const extras = tenantExtrasSchema.safeParse(o[EXTRAS_KEY]);
    if (!extras.success) {
      const issue = extras.error.issues[0];
      return failure('invalid', `${EXTRAS_KEY} in this export cannot be read (${issue ? `${issue.path.join('.') || 'the whole'}: ${issue.message}` : 'unknown shape'}).`);
    }
    reading.extras = extras.data;
  }
  if (Array.isArray(o.PolicyAssignments) && o.PolicyAssignments.length > 0) {
    const lines = o.PolicyAssignments.filter(isObject).map((a) => `"${String(a.UserPrincipalName ?? '')}","${String(a.ExternalAccessPolicy ?? '')}"`);
    const asg = readAssignments(['"UserPrincipalName","ExternalAccessPolicy"', ...lines].join('\n'));
    if (!asg.ok) return asg;
    reading.assignments = asg.reading.assignments;
    reading.skipped.push(...asg.reading.skipped);
  }
  return { ok: true, reading };
}
