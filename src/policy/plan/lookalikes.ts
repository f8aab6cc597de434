import { lookalikeWarning } from '../domain';
import type { Organization } from '../model';
import { domainListsOf } from '../organizations';

const listedDomains = (org: Organization): Set<string> => new Set(domainListsOf(org).flat());

/**
 * Warnings for the lookalike domains a change adds ("xn--cntosowest-… looks like contosowest.com"):
 * such a change is always previewed, so an admin sees the warning before anything is stored.
 */
export function addedLookalikes(before: Organization, after: Organization): string[] {
  const had = listedDomains(before);
  return [...listedDomains(after)].filter((d) => !had.has(d)).flatMap((d) => lookalikeWarning(d) ?? []);
}
