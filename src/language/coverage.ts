import type { Command } from './command';
import type { Entity } from './entities';
import { featureRows, howtoStart, HYPOTHETICAL, withoutFeatureWords } from './lenient';
import { alt } from './pattern';
import { BARE_JOINERS, COVERAGE_CUES, CONTRAST_CUES, GENERIC_FEATURE_WORDS, RULE_WORDS, TROUBLE_CUES } from './vocabulary/intents';
import { ALLOW_LIST, BLOCK_LIST, CONSUMER, FEDERATION, TRIAL } from './vocabulary/nouns';

const words = (list: readonly string[]): RegExp => new RegExp(`(?<![^ ])${alt(list)}(?![^ ])`, 'u');
const LISTS = words([...ALLOW_LIST, ...BLOCK_LIST]);
/** "block list dont work for meetings" opens with a list, not with the verb "block" (then a domain would follow). */
const LIST_FIRST = new RegExp(`^(?:the |our |my )?${alt([...ALLOW_LIST, ...BLOCK_LIST])} (?!#)`, 'u');
/** "External chat" names the switch elsewhere, but here it is the medium itself, not a rule. */
const RULE = words([...ALLOW_LIST, ...BLOCK_LIST, ...FEDERATION.filter((f) => !/chats?$/.test(f)), ...RULE_WORDS]);
const COVERAGE = words([...COVERAGE_CUES, ...CONTRAST_CUES]);
const CONTRAST = new RegExp(`(?<![^ ])${alt(CONTRAST_CUES)}(?![^ ])`, 'gu');
/** "But", "still" and the like only: beside a domain they set what it is allowed against what still works. */
const STRONG_CONTRAST = words(['but', 'still', 'anyway', 'although', 'though', 'even though', 'what about', 'how about']);
/** Guests are the other half of the comparison: such a sentence compares, it does not ask about coverage. */
const GUEST = /(?<![^ ])guests?(?: access)?(?![^ ])/u;
/** Personal accounts and trial tenants have settings of their own, which the domain rules do not decide. */
const OWN_SETTINGS = words([...CONSUMER, ...TRIAL, 'skype']);
/** "can't chat with anyone outside, settings say allow all": a failure report about talking, not a scope question. */
const TROUBLE = words(TROUBLE_CUES);
const GENERIC: ReadonlySet<string> = new Set(GENERIC_FEATURE_WORDS);
/** Rows that are plain talking: beside a domain they ask for a verdict. */
const TALKING = new Set(['chat', 'call']);

const RULE_ALL = new RegExp(RULE.source, 'gu');
const JOINERS = new RegExp(`(?<![^ ])${alt(BARE_JOINERS)}(?![^ ])`, 'gu');
/**
 * "allow list + meetings?", "blocked domains and calls?": a setting and features joined by nothing else
 * (no verb, no domain, no person) ask what the setting covers, as a scope word would.
 */
const bareSettingAndFeature = (text: string): boolean => withoutFeatureWords(text.replace(RULE_ALL, ' ')).replace(JOINERS, ' ').trim() === '';

/** Rows named after the last contrast first ("chat but not meetings" asks about meetings), then the others. */
function rowsInFocus(text: string): string[] {
  const contrasts = [...text.matchAll(CONTRAST)];
  const last = contrasts[contrasts.length - 1];
  const after = last === undefined ? [] : featureRows(text.slice(last.index + last[0].length), GENERIC);
  return [...new Set([...after, ...featureRows(text, GENERIC)])].slice(0, 3);
}

/**
 * "Does the allowed list apply to meetings?", "blocked domains restrict chat but not calls?", "why can
 * blocked domains still join our meetings?": a sentence that names a setting and a medium or feature,
 * with a word asking what the setting covers (or nothing but joiners between them), is answered with that feature's row (and what the domain
 * rules cover), whatever change or list words it also holds. Never for a request, a how-to, a
 * hypothetical, a person named (that asks for a verdict), a comparison with guests, personal accounts or
 * trial tenants (settings of their own), or a failure to talk reported beside the settings.
 */
export function coverageQuestion(text: string, entities: readonly Entity[], request: boolean): Command | undefined {
  if ((request && !LIST_FIRST.test(text)) || howtoStart(text) || HYPOTHETICAL.test(text) || GUEST.test(text) || OWN_SETTINGS.test(text)) return undefined;
  if (entities.some((e) => e.kind === 'email') || !RULE.test(text) || !(COVERAGE.test(text) || bareSettingAndFeature(text))) return undefined;
  const rows = rowsInFocus(text);
  if (rows.length === 0 || (rows.every((r) => TALKING.has(r)) && TROUBLE.test(text))) return undefined;
  // A domain named with plain talking asks whether we reach it; a domain with a list and a contrast
  // ("we blocked x.com but they still join our meetings") asks what the block covers.
  if (entities.some((e) => e.kind === 'domain') && (!LISTS.test(text) || !STRONG_CONTRAST.test(text) || rows.every((r) => TALKING.has(r)))) return undefined;
  const [feature, ...also] = rows;
  return { kind: 'feature', feature: feature ?? 'chat', ...(also.length > 0 ? { also } : {}), about: 'domainRules' };
}
