import type { Entity } from './entities';

/** What a matcher's extract can ask about the sentence it matched. */
export interface Context {
  entities: readonly Entity[];
  /** The entity behind a placeholder (`#d0`), if `text` is one. */
  entity(text: string | undefined): Entity | undefined;
  /** The sentence is an instruction, so whole-sentence question readings stand aside. */
  request: boolean;
}

export function makeContext(entities: readonly Entity[], request = false): Context {
  return {
    entities,
    request,
    entity(text) {
      const m = /^#[denq](\d+)$/.exec(text ?? '');
      return m ? entities[Number(m[1])] : undefined;
    },
  };
}

export type DomainList = { ok: true; domains: string[]; shown: string[] } | { ok: false; problem: string; suggestions: string[] };


/**
 * The domains of a list slot ("#d0 , #d1 and contoso"): each must be a valid domain. An address in
 * a domain slot is refused, not silently widened to its whole domain.
 */
export function domainList(ctx: Context, list: string | undefined, phraseFor: (domains: string[]) => string): DomainList | undefined {
  const items = (list ?? '').split(' ').filter((w) => w !== ',' && w !== 'and' && w !== '&' && w !== '');
  const domains: string[] = [];
  const shown: string[] = [];
  for (const item of items) {
    const e = ctx.entity(item);
    if (e === undefined || e.kind === 'name' || e.kind === 'quoted') {
      const raw = e?.raw ?? item.replace(/^~/, '');
      const problem = /\s/.test(raw) ? `\`${raw}\` is not a domain name` : `\`${raw}\` has no top-level domain`;
      return { ok: false, problem: `${problem}. Give the full domain, like ${raw.toLowerCase().replace(/\s+/g, '')}.com.`, suggestions: [] };
    }
    if (e.kind === 'email') {
      const at = e.value.lastIndexOf('@');
      const domain = e.value.slice(at + 1);
      return {
        ok: false,
        problem: `\`${e.display}\` is a person, not a domain; domain lists hold whole domains. Did you mean ${domain}?`,
        suggestions: [phraseFor([domain])],
      };
    }
    if (e.problem !== undefined) return { ok: false, problem: `${e.problem}.`, suggestions: [] };
    if (!domains.includes(e.value)) {
      domains.push(e.value);
      shown.push(e.display);
    }
  }
  if (domains.length === 0) return { ok: false, problem: 'I need at least one domain.', suggestions: [] };
  return { ok: true, domains, shown };
}

/** The organization named in an `org` slot: a domain, a name or an unknown word; "" for the sender's own. */
export function orgRef(ctx: Context, slot: string | undefined): string {
  const e = ctx.entity(slot);
  // A lone unknown word in an organization slot (see ORG_OR_WORD) names an organization as typed.
  if (e === undefined) return slot !== undefined && /^~[^ ]+$/.test(slot) ? slot.slice(1) : '';
  return e.kind === 'domain' ? e.value : e.raw;
}
