import { alt, pattern } from '../pattern';
import { FEATURE_KEYWORDS } from '../vocabulary/features';
import { EXTERNAL_PEOPLE } from '../vocabulary/questions';
import { CANCEL, CONFIRM } from '../vocabulary/verbs';
import type { Matcher } from './types';
import { featureRows, howtoStart } from '../lenient';

const KEYWORD = new RegExp(`(?<![^ ])${alt(Object.keys(FEATURE_KEYWORDS))}(?![^ ])`, 'gu');
const COMPARE = alt(['compare', 'comparison', 'comparison of', 'comparison between', 'difference between', 'differences between', 'what\'s the difference between', 'what is the difference between', 'difference of', 'show the comparison of']);
const VS = alt(['and', 'vs', 'versus', 'or', 'compared to', 'compared with', 'against', 'to']);
const EDITION = '(?: (?:from |in |as of |of |for )?(?:the )?(?<edition>2019|old|original|seed)(?: edition| version| table| comparison)?)?';

/** The row of the longest feature keyword in the sentence; longest wins ("group chat" over "chat"). */
function featureRow(text: string): string | undefined {
  let best: string | undefined;
  for (const m of text.matchAll(KEYWORD)) if (best === undefined || m[0].length > best.length) best = m[0];
  return best === undefined ? undefined : FEATURE_KEYWORDS[best];
}

/** Reference questions and conversation words. */
export const referenceMatchers: Matcher[] = [
  {
    name: 'comparison#0',
    pattern: pattern(`(?:(?:show |show me |see )?(?:the )?(?<pre>2019|old|original|seed) )?(?:${COMPARE} )?(?:the )?external(?: access)? ${VS} guest(?: access)?(?: comparison| table)?${EDITION}`),
    extract: (g) => ({ command: { kind: 'comparison', edition: g.edition === undefined && g.pre === undefined ? 'today' : '2019' } }),
  },
  {
    name: 'comparison#1',
    pattern: pattern(`(?:${COMPARE} )?(?:the )?guest(?: access)? ${VS} external(?: access)?${EDITION}`),
    extract: (g) => ({ command: { kind: 'comparison', edition: g.edition === undefined ? 'today' : '2019' } }),
  },
  {
    name: 'comparison#2',
    pattern: pattern(`(?:show |show me |see |open )?(?:the )?(?<pre>2019|old|original|seed)? ?(?:comparison|comparison table|feature table|feature comparison)${EDITION}`),
    extract: (g) => ({ command: { kind: 'comparison', edition: g.edition === undefined && g.pre === undefined ? 'today' : '2019' } }),
  },
  {
    name: 'comparison#3',
    pattern: pattern(`(?:show |show me |see |open )?(?:the )?(?<pre>2019|old|original|seed) (?:comparison |feature )?(?:table|edition|version)`),
    extract: () => ({ command: { kind: 'comparison', edition: '2019' } }),
  },
  {
    // Spans the whole sentence: a feature question is about the sentence, not about one phrase in it,
    // so it also outranks any change verb in it ("can external users be blocked?").
    name: 'feature',
    pattern: new RegExp(`^(?=(?:.* )?${alt(EXTERNAL_PEOPLE)}(?: |$))(?<all>.+)$`, 'gu'),
    extract: (g, ctx) => {
      if (ctx.request) return undefined;
      const rows = featureRows(g.all ?? '');
      const all = g.all ?? '';
      if (rows.length === 0 && /#[de]\d/.test(all)) return undefined;
      // Plain talking with someone named asks for a verdict, not a table row.
      if (/#[de]\d/.test(all) && rows.every((r) => r === 'chat' || r === 'call' || r === 'meetingInvite')) return undefined;
      if (rows.length > 1) return { command: { kind: 'feature', feature: rows[0] ?? 'chat', also: rows.slice(1) } };
      const feature = rows[0] ?? featureRow(all);
      // "how do I stop external people from messaging one user?" names no row: the how-to answers it
      // ("should we use guest access instead?" still compares).
      if (feature === undefined && /^how /.test(all) && howtoStart(all)) return undefined;
      return { command: feature === undefined ? { kind: 'comparison', edition: 'today' } : { kind: 'feature', feature } };
    },
  },
  { name: 'help', pattern: pattern(alt(['help', 'help me', 'what can you do', 'what do you do', 'commands', 'list commands', 'show commands', 'menu', 'how does this work', 'how do i use this', 'how do i use you', 'get started', 'usage', 'start', 'hi', 'hello', 'hey', 'examples', 'show examples', 'what can i ask', 'what can i say'])), extract: () => ({ command: { kind: 'help' } }) },
  { name: 'confirm', pattern: pattern(alt(CONFIRM)), extract: () => ({ command: { kind: 'confirm' } }) },
  { name: 'cancel', pattern: pattern(alt(CANCEL)), extract: () => ({ command: { kind: 'cancel' } }) },
];

