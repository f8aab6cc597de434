import type { Change } from '../policy/change';

/** Change kinds of which two requests may each set a field, merged into one change (personal accounts: outbound and inbound). */
const SINGLE_FIELDS: Record<string, string[]> = { setTeamsConsumer: ['outbound', 'inbound'] };

/**
 * Two or more changes asked together, as one change when they fit: one organization, no setting
 * asked two ways, no domain on two lists. Otherwise undefined, and the person is asked.
 */
export function together(changes: Change[]): Change | undefined {
  const org = changes[0]?.org ?? '';
  if (changes.some((c) => c.org !== org || c.kind === 'several' || c.kind === 'restore')) return undefined;
  const merged: Change[] = [];
  for (const c of changes) {
    const fields = SINGLE_FIELDS[c.kind];
    const twin = merged.find((m) => m.kind === c.kind);
    if (twin && fields && fields.every((f) => !(f in twin && f in c && (twin as Record<string, unknown>)[f] !== undefined && (c as Record<string, unknown>)[f] !== undefined))) {
      merged[merged.indexOf(twin)] = { ...twin, ...Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) } as Change;
      continue;
    }
    if (twin && !('domains' in c)) return undefined;
    merged.push(c);
  }
  const seen = new Map<string, string>();
  for (const c of merged) {
    if (!('domains' in c)) continue;
    for (const d of c.domains) {
      if (seen.has(d) && seen.get(d) !== c.kind) return undefined;
      seen.set(d, c.kind);
    }
  }
  if (merged.length === 1) return merged[0];
  return merged.length <= 5 ? ({ kind: 'several', org, changes: merged } as Change) : undefined;
}
