/** PowerShell literals. Double-quoted strings escape `, $ and " with a backtick, so no value expands. */
export const psString = (s: string): string => `"${s.replace(/[`$"]/g, (c) => `\`${c}`)}"`;

export const psBool = (b: boolean): string => (b ? '$true' : '$false');

/** A string array literal: @("a.com", "b.com"), or @() when empty. */
export const psArray = (items: readonly string[]): string => `@(${items.map(psString).join(', ')})`;

/** A domain pattern object, the documented form for BlockedDomains and allow lists. */
export const edgePattern = (domain: string): string => `(New-CsEdgeDomainPattern -Domain ${psString(domain)})`;

/**
 * `$name = @(` one pattern per line `)`: long lists stay readable and diffable, and each line is
 * one documented cmdlet call.
 */
export function patternList(name: string, domains: readonly string[]): string[] {
  return [`$${name} = @(`, ...domains.map((d) => `    ${edgePattern(d)}`), ')'];
}

/** `$name = [Collections.Generic.List[String]]@(...)`: the List[String] the *AsAList and trial parameters take. */
export function stringList(name: string, domains: readonly string[]): string {
  return `$${name} = [Collections.Generic.List[String]]${psArray(domains)}`;
}
