/**
 * Letters of other scripts that look like Latin letters (after Unicode's confusables.txt, the
 * lower-case letters that matter in domain names). A name made of them reads as a Latin one: the
 * Cyrillic "о" of "cоntosowest.com" is invisible on a card.
 */
const LOOKS_LATIN: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', с: 'c', ԁ: 'd', е: 'e', ё: 'e', һ: 'h', і: 'i', ї: 'i', ј: 'j', к: 'k', ӏ: 'l', м: 'm', п: 'n', о: 'o', р: 'p',
  ԛ: 'q', г: 'r', ѕ: 's', т: 't', ц: 'u', ѵ: 'v', ԝ: 'w', х: 'x', у: 'y', ү: 'y', з: '3', ь: 'b', ʼ: '',
  // Greek
  α: 'a', β: 'b', ϲ: 'c', ε: 'e', η: 'n', ι: 'i', ί: 'i', κ: 'k', ν: 'v', ο: 'o', ό: 'o', ρ: 'p', τ: 't', υ: 'u', ύ: 'u', χ: 'x',
  γ: 'y', ω: 'w', ϳ: 'j',
  // Armenian
  օ: 'o', ս: 'u', ց: 'g', ո: 'n', հ: 'h', զ: 'q',
  // Latin letters that are not ASCII but read as ASCII ones
  ı: 'i', ȷ: 'j', ɑ: 'a', ɡ: 'g', ɩ: 'i', ʟ: 'l', ᴏ: 'o', ꞵ: 'b',
};

/** The script a letter belongs to, for the scripts that matter here; undefined for digits and hyphens. */
function scriptOf(ch: string): string | undefined {
  if (/\p{Script=Latin}/u.test(ch)) return 'Latin';
  if (/\p{Script=Cyrillic}/u.test(ch)) return 'Cyrillic';
  if (/\p{Script=Greek}/u.test(ch)) return 'Greek';
  if (/\p{Script=Armenian}/u.test(ch)) return 'Armenian';
  if (/\p{L}/u.test(ch)) return 'other';
  return undefined;
}

export interface Lookalike {
  /** The ASCII name it reads as, when every letter has a Latin twin ("contosowest.com"). */
  looksLike?: string;
  /** The scripts mixed in one label, or the one non-Latin script that passes for Latin. */
  scripts: string[];
}

/**
 * Whether a Unicode domain name can pass for another: a label mixing Latin with Cyrillic, Greek or
 * Armenian letters, or a label wholly of letters with Latin twins (a whole-script confusable of an
 * ASCII name). Genuine IDNs — "münchen.de", "пример.рф" — are not lookalikes.
 */
export function lookalikeOf(unicode: string): Lookalike | undefined {
  const labels = unicode.toLowerCase().split('.');
  let suspicious = false;
  const scripts = new Set<string>();
  const skeleton = labels.map((label) => {
    const chars = [...label];
    if (chars.every((c) => c.charCodeAt(0) < 0x80)) return label;
    const inLabel = new Set(chars.map(scriptOf).filter((s): s is string => s !== undefined));
    const twin = chars.map((c) => (c.charCodeAt(0) < 0x80 ? c : LOOKS_LATIN[c])).join('');
    const allTwins = chars.every((c) => c.charCodeAt(0) < 0x80 || LOOKS_LATIN[c] !== undefined);
    const mixed = inLabel.size > 1;
    if (mixed || allTwins) {
      suspicious = true;
      for (const c of chars) if (c.charCodeAt(0) >= 0x80) scripts.add(scriptOf(c) ?? 'other');
    }
    return allTwins ? twin : undefined;
  });
  if (!suspicious) return undefined;
  const looksLike = skeleton.every((l): l is string => l !== undefined) ? skeleton.join('.') : undefined;
  return { ...(looksLike !== undefined && looksLike !== unicode ? { looksLike } : {}), scripts: [...scripts].sort() };
}
