import { GLOBAL_POLICY } from '../policy/model';
import type { Organization, User, UserPolicy } from '../policy/model';
import { grantLine, policyParameters } from './powershell-script';
import { edgePattern, patternList, psBool, psString, stringList } from './ps-syntax';

/** One touched setting path with its values, and for lists what was added and removed. */
export interface Touch {
  path: string;
  before: unknown;
  after: unknown;
  added: string[];
  removed: string[];
}

/** A long list's change as the audit log keeps it: entries with their positions. */
interface ListChange {
  added: readonly (readonly [number, string])[];
  removed: readonly (readonly [number, string])[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Touches from a plan's or an audit entry's before/after (and the audit's compacted lists). */
export function touchesOf(before: Record<string, unknown>, after: Record<string, unknown>, lists: Record<string, ListChange> = {}): Touch[] {
  const paths = [...new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(lists)])];
  return paths.map((path) => {
    const l = lists[path];
    if (l) return { path, before: undefined, after: undefined, added: l.added.map(([, d]) => d), removed: l.removed.map(([, d]) => d) };
    const b = strings(before[path]);
    const a = strings(after[path]);
    const bs = new Set(b);
    const as = new Set(a);
    return { path, before: before[path], after: after[path], added: a.filter((d) => !bs.has(d)), removed: b.filter((d) => !as.has(d)) };
  });
}

const UPGRADE_POLICY: Record<User['coexistence'], string> = { TeamsOnly: 'UpgradeToTeams', Islands: 'Islands', SfBOnly: 'SfBOnly' };

/**
 * The PowerShell that makes in the tenant what a confirmed change made here: only what changed,
 * lists by Add/Remove so entries added in the tenant meanwhile stay, a new domain rule stated whole.
 */
export function powershellDelta(touches: readonly Touch[], after: Organization): string {
  const s = after.settings;
  const fed: string[] = [];
  const pre: string[] = [];
  const post: string[] = [];
  const touched = new Map(touches.map((t) => [t.path, t]));
  const flag = (path: string, param: string): void => {
    const t = touched.get(path);
    if (t && typeof t.after === 'boolean') fed.push(`-${param} ${psBool(t.after)}`);
  };
  flag('settings.allowFederatedUsers', 'AllowFederatedUsers');
  flag('settings.blockAllSubdomains', 'BlockAllSubdomains');
  flag('settings.allowTeamsConsumer', 'AllowTeamsConsumer');
  flag('settings.allowTeamsConsumerInbound', 'AllowTeamsConsumerInbound');
  const modeTouch = touched.get('settings.domainMode');
  const teamsRule = (m: unknown): string => (m === 'allowAll' || m === 'blockSpecific' ? 'open' : String(m));
  const ruleChanged = s !== undefined && modeTouch !== undefined && teamsRule(modeTouch.before) !== teamsRule(s.domainMode);
  if (s && ruleChanged) {
    if (s.domainMode === 'allowAll' || s.domainMode === 'blockSpecific') fed.push('-AllowedDomains (New-CsEdgeAllowAllKnownDomains)');
    else if (s.domainMode === 'blockAll') fed.push('-AllowedDomains $null');
    else {
      pre.push(...patternList('allowed', s.allowedDomains));
      fed.push('-AllowedDomains (New-CsEdgeAllowList -AllowedDomain $allowed)');
    }
  } else {
    const t = touched.get('settings.allowedDomains');
    if (t && (t.added.length > 0 || t.removed.length > 0)) {
      const parts: string[] = [];
      if (t.added.length > 0) pre.push(stringList('allowAdd', t.added)), parts.push('Add=$allowAdd');
      if (t.removed.length > 0) pre.push(stringList('allowRemove', t.removed)), parts.push('Remove=$allowRemove');
      fed.push(`-AllowedDomainsAsAList @{${parts.join('; ')}}`);
    }
  }
  const blocked = touched.get('settings.blockedDomains');
  // A blocked list stored while every domain was allowed is not in Teams (the export clears it): when it
  // comes into effect, the tenant gets the whole list.
  const storedComesIntoEffect = s?.domainMode === 'blockSpecific' && modeTouch?.before === 'allowAll' && (blocked ? blocked.before === undefined || strings(blocked.before).length > 0 : s.blockedDomains.length > 0);
  if (s && storedComesIntoEffect) {
    pre.push(...patternList('blocked', s.blockedDomains));
    fed.push('-BlockedDomains @{Replace=$blocked}');
  } else if (blocked && (blocked.added.length > 0 || blocked.removed.length > 0)) fed.push(`-BlockedDomains ${addRemove(blocked, 'block', pre)}`);
  const trial = touched.get('settings.trialTenants');
  if (trial && typeof trial.after === 'string') fed.push(`-ExternalAccessWithTrialTenants ${psString(trial.after)}`);
  const exceptions = touched.get('settings.allowedTrialTenantDomains');
  if (exceptions && (exceptions.added.length > 0 || exceptions.removed.length > 0)) {
    const parts: string[] = [];
    if (exceptions.added.length > 0) pre.push(stringList('trialAdd', exceptions.added)), parts.push('Add=$trialAdd');
    if (exceptions.removed.length > 0) pre.push(stringList('trialRemove', exceptions.removed)), parts.push('Remove=$trialRemove');
    fed.push(`-AllowedTrialTenantDomains @{${parts.join('; ')}}`);
  }

  for (const t of touches) {
    if (t.path.startsWith('policies.')) post.push(...policyDelta(t.path.slice('policies.'.length), t.before as UserPolicy | null, t.after as UserPolicy | null));
    if (t.path.startsWith('users.')) post.push(...userDelta(t.path.slice('users.'.length), t.before as User | null, t.after as User | null));
  }
  const lines = [...pre, ...(fed.length > 0 ? [`Set-CsTenantFederationConfiguration ${fed.join(' ')}`] : []), ...post];
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** `@{Add=…; Remove=…}` of domain patterns; one domain inline, more as a list variable. */
function addRemove(t: Touch, prefix: string, pre: string[]): string {
  const parts: string[] = [];
  for (const [key, list] of [['Add', t.added], ['Remove', t.removed]] as const) {
    if (list.length === 0) continue;
    if (list.length === 1) parts.push(`${key}=${edgePattern(list[0]!)}`);
    else {
      const name = `${prefix}${key}`;
      pre.push(...patternList(name, list));
      parts.push(`${key}=$${name}`);
    }
  }
  return `@{${parts.join('; ')}}`;
}

function policyDelta(name: string, before: UserPolicy | null | undefined, after: UserPolicy | null | undefined): string[] {
  const global = name === GLOBAL_POLICY;
  const id = global ? 'Global' : psString(name);
  if (!after) return before ? [`Remove-CsExternalAccessPolicy -Identity ${id}`] : [];
  if (!before) return [`New-CsExternalAccessPolicy -Identity ${id} ${policyParameters(after, global).join(' ')}`];
  const changed: Partial<UserPolicy> = {};
  for (const key of Object.keys(after) as (keyof UserPolicy)[]) {
    if (key !== 'name' && JSON.stringify(before[key]) !== JSON.stringify(after[key])) (changed as Record<string, unknown>)[key] = after[key];
  }
  const params = policyParameters(changed, global);
  return params.length > 0 ? [`Set-CsExternalAccessPolicy -Identity ${id} ${params.join(' ')}`] : [];
}

function userDelta(address: string, before: User | null | undefined, after: User | null | undefined): string[] {
  const out: string[] = [];
  const policyBefore = before?.policy ?? GLOBAL_POLICY;
  const policyAfter = after?.policy ?? GLOBAL_POLICY;
  if (after && policyBefore !== policyAfter) out.push(grantLine(address, policyAfter));
  if (after && before && before.coexistence !== after.coexistence) {
    out.push(`Grant-CsTeamsUpgradePolicy -Identity ${psString(address)} -PolicyName ${psString(UPGRADE_POLICY[after.coexistence])}`);
  }
  if (after && before && before.onPremises !== after.onPremises) {
    out.push(`# ${address} moves ${after.onPremises ? 'on-premises' : 'online'}: that is a Move-CsUser migration, not a setting; plan it with your Skype for Business admin.`);
  }
  return out;
}
