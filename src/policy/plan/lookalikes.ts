import { lookalikeWarning } from '../domain';
import { differingMiddle } from '../list-middle';
import type { Organization } from '../model';
import { domainListsOf } from '../organizations';

/**
 * Warnings for the lookalike domains a change adds ("xn--cntosowest-… looks like contosowest.com"):
 * such a change is always previewed, so an admin sees the warning before anything is stored.
 * Added means on a list after the change and on none of the organization's lists before it.
 */
export function addedLookalikes(before: Organization, after: Organization): string[] {
  const was = domainListsOf(before);
  const now = domainListsOf(after);
  // Only where a list changed, only between its common start and end (a change adds a few entries to
  // lists of up to 4,000), and only names that are not plain ASCII: a plain name is never a lookalike.
  const candidates = new Set<string>();
  now.forEach((list, i) => {
    const old = was[i];
    if (list === old) return;
    for (const d of old === undefined ? list : differingMiddle(old, list).after) if (lookalikeWarning(d) !== undefined) candidates.add(d);
  });
  if (candidates.size === 0) return [];
  const had = new Set(was.flat());
  return [...candidates].filter((d) => !had.has(d)).flatMap((d) => lookalikeWarning(d) ?? []);
}
