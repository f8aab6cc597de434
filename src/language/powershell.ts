/**
 * PowerShell lines people paste, rewritten into the words the matchers read. Cmdlet and parameter
 * names alone are data (vocabulary/labels.ts); here are the shapes that carry values: list edits
 * (`-BlockedDomains @{Add="a.com"}`), a policy's identity, a policy grant.
 */
const DOMAIN = /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const domainsIn = (s: string): string[] => (s.match(DOMAIN) ?? []).filter((d) => !/^new-cs/i.test(d));
const and = (ds: string[]): string => ds.join(' and ');

const LIST_EDIT = /-(allowed|blocked)Domains(?:AsAList)?\s*@\{\s*(add|remove|replace)\s*=\s*([^}]*)\}/giu;
const LIST_SET = /-(allowed|blocked)Domains(?:AsAList)?\s+((?:"?[\p{L}\p{N}.-]+"?\s*,\s*)*"?[\p{L}\p{N}-]+\.[\p{L}\p{N}.-]+"?)/giu;
const ALLOW_ALL = /-allowedDomains\s+\(?\s*new-csedgeallowallknowndomains\s*\)?/giu;
/** The cmdlet reference: "-AllowedDomains $null blocks all external communication". */
const BLOCK_ALL = /-allowedDomains(?:AsAList)?\s+\$null\b/giu;
const POLICY_SET = /set-csexternalaccesspolicy\s+-identity\s+["']?([\w-]+)["']?(.*)$/imu;
const GRANT = /grant-csexternalaccesspolicy\s+(?:-identity\s+["']?(\S+?)["']?\s+-policyname\s+["']?(\$null|[\w-]+)["']?|-policyname\s+["']?(\$null|[\w-]+)["']?\s+-identity\s+["']?(\S+?)["']?)(?=\s|$)/imu;

/** A Get- cmdlet's parameters (-Identity Global, -Filter …) only narrow what it shows: the answer shows it all. */
const GET_PARAMETERS = /(get-cs\w+)((?:\s+-(?!expandproperty)\w+(?:\s+(?!-)[^\s|]+)?)+)/giu;

export function readPowerShell(text: string): string {
  if (!/-cs|domains/i.test(text)) return text;
  return text
    .replace(GET_PARAMETERS, '$1')
    .replace(ALLOW_ALL, ' allow all external domains ')
    .replace(BLOCK_ALL, ' block all external domains ')
    .replace(LIST_EDIT, (_m, list: string, op: string, items: string) => {
      const ds = and(domainsIn(items));
      const blocked = list.toLowerCase() === 'blocked';
      const verb = op.toLowerCase();
      if (verb === 'add') return blocked ? ` block ${ds} ` : ` allow ${ds} `;
      if (verb === 'remove') return blocked ? ` unblock ${ds} ` : ` remove ${ds} from the allowed domains `;
      return blocked ? ` block ${ds} ` : ` allow only ${ds} `;
    })
    .replace(LIST_SET, (_m, list: string, items: string) => (list.toLowerCase() === 'blocked' ? ` block ${and(domainsIn(items))} ` : ` allow only ${and(domainsIn(items))} `))
    .replace(POLICY_SET, (_m, name: string, rest: string) => ` ${rest} in policy ${name} `)
    .replace(GRANT, (_m, u1?: string, p1?: string, p2?: string, u2?: string) => {
      const policy = p1 ?? p2 ?? '';
      return ` assign policy ${policy.toLowerCase() === '$null' ? 'Global' : policy} to ${u1 ?? u2 ?? ''} `;
    });
}
