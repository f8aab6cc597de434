import { lookalikeWarning } from '../domain';
import type { Organization } from '../model';
import { domainListsOf } from '../organizations';



/**
 * Warnings for the lookalike domains a change adds ("xn--cntosowest-… looks like contosowest.com"):
 * such a change is always previewed, so an admin sees the warning before anything is stored.
 */
export function addedLookalikes(before: Organization, after: Organization): string[] {
  const was = domainListsOf(before);
  const now = domainListsOf(after);
  // The very same list objects (a change that left every list alone, like the master switch): nothing
  // was added, and 4,000-domain lists need not be compared.
  if (was.length === now.length && was.every((list, i) => list === now[i])) return [];
  const had = new Set(was.flat());
  return [...new Set(now.flat())].filter((d) => !had.has(d)).flatMap((d) => lookalikeWarning(d) ?? []);
}
