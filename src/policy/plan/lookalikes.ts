import { lookalikeWarning } from '../domain';
import type { Organization } from '../model';

/** Every domain an organization lists: its own allow/block/trial lists and its user policies' lists. */
function listedDomains(org: Organization): Set<string> {
  const s = org.settings;
  const lists = [
    s?.allowedDomains ?? [],
    s?.blockedDomains ?? [],
    s?.allowedTrialTenantDomains ?? [],
    ...org.policies.flatMap((p) => [p.allowedExternalDomains, p.blockedExternalDomains]),
  ];
  return new Set(lists.flat());
}

/**
 * Warnings for the lookalike domains a change adds ("xn--cntosowest-… looks like contosowest.com"):
 * such a change is always previewed, so an admin sees the warning before anything is stored.
 */
export function addedLookalikes(before: Organization, after: Organization): string[] {
  const had = listedDomains(before);
  return [...listedDomains(after)].filter((d) => !had.has(d)).flatMap((d) => lookalikeWarning(d) ?? []);
}
