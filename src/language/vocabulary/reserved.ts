import * as verbs from './verbs';
import * as nouns from './nouns';
import * as questions from './questions';
import * as fillers from './fillers';

/** Common words that are never a name, a policy name or a mistyped domain. */
const STOPWORDS = [
  'a', 'an', 'the', 'to', 'of', 'for', 'in', 'at', 'on', 'by', 'with', 'from', 'and', 'or', 'but', 'it', 'its',
  'it\'s', 'this', 'that', 'these', 'those', 'them', 'they', 'their', 'he', 'she', 'his', 'her', 'him', 'you',
  'your', 'i', 'me', 'my', 'we', 'us', 'our', 'is', 'are', 'be', 'was', 'were', 'been', 'do', 'does', 'did',
  'can', 'could', 'would', 'should', 'will', 'shall', 'may', 'might', 'must', 'have', 'has', 'had', 'not',
  'no', 'yes', 'all', 'any', 'some', 'every', 'each', 'other', 'another', 'only', 'just', 'also', 'too',
  'now', 'then', 'there', 'here', 'so', 'as', 'if', 'when', 'why', 'what', 'who', 'whom', 'which', 'how',
  'where', 'able', 'unable', 'each', 'other', 'one', 'both', 'either', 'neither', 'else', 'more', 'less',
  'again', 'still', 'already', 'same', 'new', 'old', 'external', 'internal', 'users', 'user', 'people',
  'person', 'someone', 'anyone', 'everyone', 'nobody', 'domain', 'domains', 'organization', 'organizations',
  'org', 'tenant', 'tenants', 'company', 'companies', 'teams', 'team', 'skype', 'microsoft', 'access',
  'list', 'lists', 'setting', 'settings', 'mode', 'policy', 'policies', 'called', 'named', 'name', 'email',
  'address', 'account', 'accounts', 'spam', 'way', 'while', 'today', 'tomorrow', 'yesterday', 'later', 'soon',
  'asap', 'please', 'thanks', 'thank', 'okay', 'ok', 'hi', 'hello', 'hey', 'bot', 'everything', 'nothing',
  'something', 'anything', 'everybody', 'somebody', 'let', 'let\'s', 'go', 'ahead', 'get', 'got', 'see',
  'show', 'tell', 'know', 'like', 'want', 'need', 'try', 'use', 'using', 'via', 'into', 'onto', 'off', 'out',
  'up', 'down', 'over', 'about', 'than', 'because', 'since', 'unless', 'except', 'whether', 'again', 'please',
  'external', 'guest', 'guests', 'partner', 'partners', 'vendor', 'vendors', 'customers', 'customer', 'link',
  'url', 'website', 'site', 'page', 'number', 'first', 'last', 'next', 'previous', 'back', 'right', 'left',
  // How-to words, capitalized in "what's the PowerShell to block x.com?": never an organization's name.
  'powershell', 'cmdlet', 'cmdlets', 'command', 'commands', 'script',
];

function words(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s+/);
  if (Array.isArray(value)) return value.flatMap(words);
  if (value && typeof value === 'object') return Object.keys(value).flatMap(words);
  return [];
}

const vocabularyWords = [verbs, nouns, questions, fillers].flatMap((m) => Object.values(m).flatMap(words));

/** Every word of every vocabulary, plus stopwords: never read as a name or a domain. */
export const RESERVED: ReadonlySet<string> = new Set([...STOPWORDS, ...vocabularyWords].filter((w) => w !== ''));

/** Words a typo may be corrected to (command words of five letters or more). */
export const CORRECTABLE: readonly string[] = [...new Set(vocabularyWords)].filter((w) => w.length >= 5 && /^[a-z-]+$/.test(w));

/** Words that are known as typed and never corrected ("unable" is not a typo of "enable"). */
export const KNOWN: ReadonlySet<string> = new Set([
  ...RESERVED, 'unable', 'enabled', 'disabled', 'blocks', 'allows', 'blocking', 'allowing', 'unblocked',
  'unblocking', 'blocked', 'allowed', 'locked', 'clock', 'black', 'below', 'allot', 'shallow', 'follow',
  'fellow', 'hollow', 'table', 'grid', 'matrix', 'comparison', 'compare', 'versus', 'difference', 'help',
  'history', 'giphy', 'files', 'share', 'sharing', 'screen', 'presence', 'status', 'meeting', 'meetings',
]);
