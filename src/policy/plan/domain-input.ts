import { displayDomain, normalizeDomain } from '../domain';

export type DomainInput = { ok: true; domains: string[] } | { ok: false; reason: string };

/** Raw domains from a change → stored (ASCII) forms, de-duplicated in input order; or why not. */
export function normalizeDomains(input: readonly string[]): DomainInput {
  const out: string[] = [];
  const errors: string[] = [];
  for (const raw of input) {
    const r = normalizeDomain(raw);
    if (!r.ok) errors.push(r.reason);
    else if (!out.includes(r.domain.ascii)) out.push(r.domain.ascii);
  }
  if (errors.length > 0) return { ok: false, reason: `Nothing changed: ${errors.join('; ')}.` };
  return { ok: true, domains: out };
}

/** "a.com, b.com" in Unicode, or "(none)". */
export function shownList(domains: readonly string[]): string {
  return domains.length === 0 ? '(none)' : domains.map(displayDomain).join(', ');
}
