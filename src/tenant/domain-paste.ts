import { normalizeDomain } from '../policy/domain';
import type { Skipped } from './types';

/** A pasted list of domains, read: the valid ones (normalized, each once) and the rest with why. */
export interface DomainPaste {
  domains: string[];
  invalid: Skipped[];
  /** Entries seen, valid or not, counting repeats. */
  entries: number;
}

/**
 * Splits a partner list as admins paste it: one per line, comma- or semicolon-separated, or a CSV
 * whose first column is the domain (a header line such as "Domain" is skipped). `mailto:`-style
 * addresses count by their domain; bullets and quotes around entries are ignored.
 */
export function readDomainPaste(text: string): DomainPaste {
  const domains = new Set<string>();
  const invalid: Skipped[] = [];
  let entries = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const csv = lines.length > 1 && lines.filter((l) => l.trim() !== '').every((l) => /^[^,;\t]*([,;\t][^,;\t]*){1,}$/.test(l.trim())) && /^"?domain"?\s*[,;\t]/i.test(lines[0]?.trim() ?? '');
  for (const [i, line] of lines.entries()) {
    const raw = line.trim();
    if (raw === '' || (i === 0 && /^"?(domain|domains|name)"?\s*([,;\t]|$)/i.test(raw))) continue;
    const cells = csv ? [raw.split(/[,;\t]/)[0] ?? ''] : raw.split(/[,;\s]+/);
    for (const cell of cells) {
      // Bullets stand apart from the entry ("- a.com", "* a.com"); "*.a.com" is a wildcard and is reported.
      const item = cell.trim().replace(/^["'•·]+|["']+$/g, '').replace(/^.*@/, '');
      if (item === '' || /^([-*•·]|and|or)$/i.test(item)) continue;
      entries += 1;
      const r = normalizeDomain(item);
      if (r.ok) domains.add(r.domain.ascii);
      else invalid.push({ input: item, reason: r.reason });
    }
  }
  return { domains: [...domains], invalid, entries };
}
