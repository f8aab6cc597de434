import { normalizeAddress, normalizeDomain } from '../policy/domain';

/** Something the person named: a domain, an address, an organization name or a quoted name. */
export interface Entity {
  kind: 'domain' | 'email' | 'name' | 'quoted';
  /** As typed. */
  raw: string;
  /** Normalized: ASCII domain, lower-case address, or the name as typed. */
  value: string;
  /** Unicode form of a domain, for messages. */
  display: string;
  /** Why it cannot be used (from normalizeDomain), when invalid. */
  problem?: string;
  /** Said to the person when the entity is used, e.g. "I read contoso.com from the link." */
  note?: string;
}

const LABEL = '[\\p{L}\\p{N}_*](?:[\\p{L}\\p{N}_*-]*[\\p{L}\\p{N}_*])?';
/** Loose on purpose: "contoso..com" and "*.contoso.com" are captured so normalizeDomain can say why not. */
const DOMAINISH = `\\.?${LABEL}(?:\\.{1,3}${LABEL})+\\.?`;
/** Not inside a word, an address or "o'brien"; an opening quote is fine ("'ann@x.com is outside …'"). */
const BEFORE = '(?<![\\p{L}\\p{N}_.@%+-])(?<![\\p{L}\\p{N}_.@%+-]\')';
/** A domain may follow a quote: 'contoso.com'. */
const BEFORE_DOMAIN = '(?<![\\p{L}\\p{N}_.@%+-])';

/** Order matters: a URL contains what looks like a domain, an address contains an "@domain". */
const ENTITY = new RegExp(
  [
    `(?<url>\\b(?:https?|ftp)://(?<urlHost>[^\\s/?#:@]+)(?::\\d+)?(?:[/?#][^\\s]*?)?)(?=[?!.,;:)"']*(?:\\s|$))`,
    `(?<mailto>\\bmailto:(?<mailtoAddr>[\\p{L}\\p{N}._%+'-]+@${DOMAINISH}))`,
    `(?<email>${BEFORE}[\\p{L}\\p{N}._%+-]+(?:'[\\p{L}\\p{N}._%+-]+)*@${DOMAINISH})`,
    `(?<at>${BEFORE_DOMAIN}@(?<atDomain>${DOMAINISH}))`,
    `(?<www>${BEFORE_DOMAIN}(?<wwwHost>www\\.${DOMAINISH})(?:[/?#][^\\s]*?)?)(?=[?!.,;:)"']*(?:\\s|$))`,
    `(?<bare>${BEFORE_DOMAIN}(?<bareHost>${DOMAINISH})(?<path>/[^\\s]*?)?)(?=[?!.,;:)"'/]*(?:\\s|$|[^\\p{L}\\p{N}]))`,
  ].join('|'),
  'gu',
);

/** Abbreviations that look like domains. */
const NOT_DOMAINS = new Set(['e.g', 'e.g.', 'i.e', 'i.e.', 'etc.', 'a.m', 'a.m.', 'p.m', 'p.m.', 'vs.', 'u.s', 'u.s.']);

function domainEntity(raw: string, host: string, note?: (shown: string) => string): Entity {
  const r = normalizeDomain(host);
  if (!r.ok) return { kind: 'domain', raw, value: host.toLowerCase(), display: host, problem: r.reason };
  return { kind: 'domain', raw, value: r.domain.ascii, display: r.domain.display, ...(note ? { note: note(r.domain.display) } : {}) };
}

function emailEntity(raw: string, address: string): Entity {
  const value = normalizeAddress(address);
  if (value === undefined) {
    const domain = normalizeDomain(address.slice(address.lastIndexOf('@') + 1));
    const problem = domain.ok ? `\`${address}\` is not a valid email address` : domain.reason;
    return { kind: 'email', raw, value: address.toLowerCase(), display: address, problem };
  }
  return { kind: 'email', raw, value, display: value };
}

function toEntity(g: Record<string, string | undefined>, raw: string): Entity | undefined {
  if (g.url !== undefined && g.urlHost !== undefined) {
    const host = g.urlHost.replace(/^www\./i, '');
    return domainEntity(raw, host, (d) => `I read ${d} from the link.`);
  }
  if (g.mailtoAddr !== undefined) return emailEntity(raw, g.mailtoAddr);
  if (g.email !== undefined) return emailEntity(raw, g.email);
  if (g.atDomain !== undefined) return domainEntity(raw, g.atDomain, (d) => `I read ${d} from @${d}.`);
  if (g.wwwHost !== undefined) return domainEntity(raw, g.wwwHost.replace(/^www\./i, ''), (d) => `I read ${d} from the link.`);
  if (g.bareHost !== undefined) {
    if (NOT_DOMAINS.has(g.bareHost.toLowerCase())) return undefined;
    return domainEntity(raw, g.bareHost, g.path ? (d) => `I read ${d} from the link.` : undefined);
  }
  return undefined;
}

/**
 * Replaces every domain, address and link in `text` with a placeholder (`#d0`, `#e1`) and returns
 * the entities in order. Placeholders are padded with spaces so they tokenize as words.
 */
export function extractEntities(text: string, entities: Entity[]): string {
  return text.replace(ENTITY, (raw: string, ...rest: unknown[]) => {
    const groups = rest[rest.length - 1] as Record<string, string | undefined>;
    const entity = toEntity(groups, raw);
    if (entity === undefined) return raw;
    entities.push(entity);
    return ` #${entity.kind[0]}${entities.length - 1} `;
  });
}

/** Quoted text ("Sales External", 'NoFed') becomes one quoted entity, unless it holds another entity. */
export function extractQuoted(text: string, entities: Entity[]): string {
  return text.replace(/"([^"#]{1,64})"|(?<=^|\s)'([^'#]{1,64})'(?=$|[\s,.!?;:])/g, (raw, a?: string, b?: string) => {
    const inner = (a ?? b ?? '').trim();
    if (inner === '') return ' ';
    entities.push({ kind: 'quoted', raw, value: inner, display: inner });
    return ` #q${entities.length - 1} `;
  });
}
