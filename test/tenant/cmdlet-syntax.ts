/**
 * The documented syntax of every cmdlet the exports use (MicrosoftDocs/office-docs-powershell,
 * teams-ps: Set-CsTenantFederationConfiguration, New-CsEdgeDomainPattern, New-CsEdgeAllowList,
 * New-CsEdgeAllowAllKnownDomains, Get-/Set-/New-/Remove-/Grant-CsExternalAccessPolicy,
 * Grant-CsTeamsUpgradePolicy), as parameter → the value forms the pages show. A generated line that
 * uses another parameter, or another value form, fails the golden tests.
 */
const BOOL = /^\$(true|false)$/;
const STRING = /^"(?:[^"`$]|`.)*"$/;
const VAR = /^\$[A-Za-z]+$/;
const STRING_ARRAY = /^@\((?:"[^"]*"(?:, "[^"]*")*)?\)$/;
const PATTERN = /^\(New-CsEdgeDomainPattern -Domain "[^"]+"\)$/;
/** @{Add=…; Remove=…} or @{Replace=…}, each value a $variable or, where allowed, one pattern. */
const hashtable = (keys: string[], value: RegExp): RegExp =>
  new RegExp(`^@\\{(?:${keys.join('|')})=(?:${value.source.replace(/^\^|\$$/g, '')})(?:; (?:${keys.join('|')})=(?:${value.source.replace(/^\^|\$$/g, '')}))?\\}$`);

type Rule = RegExp | ((value: string) => boolean);

export const SYNTAX: Record<string, Record<string, Rule[]>> = {
  'Set-CsTenantFederationConfiguration': {
    AllowFederatedUsers: [BOOL],
    AllowTeamsConsumer: [BOOL],
    AllowTeamsConsumerInbound: [BOOL],
    BlockAllSubdomains: [BOOL],
    AllowedDomains: [/^\(New-CsEdgeAllowAllKnownDomains\)$/, /^\(New-CsEdgeAllowList -AllowedDomain \$[A-Za-z]+\)$/, /^\$null$/],
    BlockedDomains: [/^\$null$/, hashtable(['Replace'], VAR), hashtable(['Add', 'Remove'], /\$[A-Za-z]+|\(New-CsEdgeDomainPattern -Domain "[^"]+"\)/)],
    AllowedDomainsAsAList: [hashtable(['Add', 'Remove'], VAR)],
    ExternalAccessWithTrialTenants: [/^"(Blocked|Allowed)"$/],
    AllowedTrialTenantDomains: [STRING_ARRAY, hashtable(['Add', 'Remove'], VAR)],
  },
  'New-CsEdgeDomainPattern': { Domain: [STRING] },
  'New-CsEdgeAllowList': { AllowedDomain: [VAR] },
  'New-CsEdgeAllowAllKnownDomains': {},
  'Get-CsExternalAccessPolicy': { Identity: [STRING], ErrorAction: [/^SilentlyContinue$/] },
  'Set-CsExternalAccessPolicy': policyParams(),
  'New-CsExternalAccessPolicy': policyParams(),
  'Remove-CsExternalAccessPolicy': { Identity: [STRING, /^Global$/] },
  'Grant-CsExternalAccessPolicy': { Identity: [STRING], PolicyName: [STRING, /^\$null$/] },
  'Grant-CsTeamsUpgradePolicy': { Identity: [STRING], PolicyName: [/^"(UpgradeToTeams|Islands|SfBOnly)"$/] },
};

function policyParams(): Record<string, Rule[]> {
  return {
    Identity: [STRING, /^Global$/],
    EnableFederationAccess: [BOOL],
    EnableTeamsConsumerAccess: [BOOL],
    EnableTeamsConsumerInbound: [BOOL],
    CommunicationWithExternalOrgs: [/^"(OrganizationDefault|AllowAllExternalDomains|AllowSpecificExternalDomains|BlockSpecificExternalDomains|BlockAllExternalDomains)"$/],
    AllowedExternalDomains: [STRING_ARRAY],
    BlockedExternalDomains: [STRING_ARRAY],
  };
}

/** Splits `text` at top-level spaces, keeping (…), @(…), @{…} and "…" whole. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      cur += c;
      if (c === '`') cur += text[++i] ?? '';
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    if (c === '(' || c === '{') depth++;
    if (c === ')' || c === '}') depth--;
    if (c === ' ' && depth === 0) {
      if (cur !== '') out.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur !== '') out.push(cur);
  return out;
}

/** Every problem of one command invocation (and of the commands nested in its values). */
export function checkCommand(command: string): string[] {
  const [name, ...rest] = tokens(command.trim());
  const params = name === undefined ? undefined : SYNTAX[name];
  if (!params) return [`unknown cmdlet ${name ?? '(none)'} in: ${command}`];
  const problems: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i]!;
    if (!token.startsWith('-')) {
      problems.push(`${name}: stray token ${token}`);
      continue;
    }
    const param = token.slice(1);
    const rules = params[param];
    const value = rest[i + 1];
    i++;
    if (!rules) problems.push(`${name}: undocumented parameter -${param}`);
    else if (value === undefined) problems.push(`${name} -${param}: no value`);
    else {
      if (!rules.some((r) => (typeof r === 'function' ? r(value) : r.test(value)))) problems.push(`${name} -${param}: value ${value.slice(0, 80)} is not of a documented form`);
      for (const nested of value.matchAll(/\((New-Cs\w+[^()]*)\)/g)) problems.push(...checkCommand(nested[1]!));
    }
  }
  return problems;
}

/**
 * Checks a whole script: comments and blank lines skipped, `$x = @(` … `)` list blocks checked entry by
 * entry, `if (…) {` / `} else {` / `}` control lines read for the command inside the condition.
 */
export function checkScript(script: string): string[] {
  const problems: string[] = [];
  for (const raw of script.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line === '}' || line === '} else {' || line === ')') continue;
    const ifMatch = /^if \((.+)\) \{$/.exec(line);
    if (ifMatch) {
      problems.push(...checkCommand(ifMatch[1]!));
      continue;
    }
    if (/^\$[A-Za-z]+ = @\($/.test(line)) continue;
    if (/^\$[A-Za-z]+ = \[Collections\.Generic\.List\[String\]\]@\((?:"[^"]*"(?:, "[^"]*")*)?\)$/.test(line)) continue;
    if (PATTERN.test(line)) continue;
    problems.push(...checkCommand(line));
  }
  return problems;
}
