import { lookalikeWarning } from '../domain';
import type { Organization } from '../model';

/** Every list of domains an organization has: its own allow/block/trial lists and its user policies' lists. */
function domainLists(org: Organization): (readonly string[])[] {
  const s = org.settings;
  return [
    s?.allowedDomains ?? [],
    s?.blockedDomains ?? [],
    s?.allowedTrialTenantDomains ?? [],
    ...org.policies.flatMap((p) => [p.allowedExternalDomains, p.blockedExternalDomains]),
  ];
}

/**
 * Warnings for the lookalike domains a change adds ("xn--cntosowest-… looks like contosowest.com"):
 * such a change is always previewed, so an admin sees the warning before anything is stored.
 */
export function addedLookalikes(before: Organization, after: Organization): string[] {
  const was = domainLists(before);
  const now = domainLists(after);
  // The very same list objects (a change that left every list alone, like the master switch): nothing
  // was added, and 4,000-domain lists need not be compared.
  if (was.length === now.length && was.every((list, i) => list === now[i])) return [];
  const had = new Set(was.flat());
  return [...new Set(now.flat())].filter((d) => !had.has(d)).flatMap((d) => lookalikeWarning(d) ?? []);
}
