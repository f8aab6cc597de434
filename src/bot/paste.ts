import { attachmentUrl, type IncomingAttachment } from './attachments';

/**
 * Messages that are not sentences: pasted Teams PowerShell output, a whole partner list, an attached
 * file, "export …". They are recognized here, before the language parser (whose 600-character limit
 * is for free text), so a 28 KB paste is read as what it is.
 */
export type ListAction = 'addBlocked' | 'removeBlocked' | 'addAllowed' | 'removeAllowed' | 'allowOnly';
export type ExportFormat = 'powershell' | 'dsc' | 'json';

export type Pasted =
  | { kind: 'export'; format: ExportFormat }
  | { kind: 'import'; text: string; file?: string }
  | { kind: 'compare'; text: string; file?: string }
  | { kind: 'list'; action: ListAction; text: string; file?: string };

/** A list this long is a list, not a sentence, even on one line. */
const LIST_ENTRIES = 10;

const LIST_VERBS: [RegExp, ListAction][] = [
  [/^(?:please\s+)?(?:allow\s+only|only\s+allow)\b[\s:]*/i, 'allowOnly'],
  [/^(?:please\s+)?unblock\b[\s:]*/i, 'removeBlocked'],
  [/^(?:please\s+)?block\b[\s:]*/i, 'addBlocked'],
  [/^(?:please\s+)?(?:stop\s+allowing|disallow)\b[\s:]*/i, 'removeAllowed'],
  [/^(?:please\s+)?allow\b[\s:]*/i, 'addAllowed'],
];
/** "block these", "block the following domains:" — the words before the list itself. */
const LIST_LEAD = /^(?:(?:these|the\s+following|all\s+of\s+these|this\s+list(?:\s+of)?)\s*)?(?:domains?|partners?|organi[sz]ations?)?\s*:?\s*/i;

const EXPORT = /^(?:please\s+)?(?:export|download|give\s+me)\b(?:\s+(?:our|my|the))?(?:\s+(?:settings|configuration|config|federation\s+settings|external\s+access(?:\s+settings)?))?(?:\s+(?:as|to|in))?(?:\s+(?:a|an))?\s*(powershell(?:\s+script)?|ps1|script|microsoft365dsc|m365dsc|dsc(?:\s+configuration)?|json)?\s*[.!?]?$/i;
const COMPARE = /^(?:please\s+)?(?:compare|diff|check)\b[^\n{[]*?\b(?:with|against|to)\b\s*(?:this|the|my|our|that)?\s*(?:export|json|configuration|config|settings|file|output)\b\s*:?\s*/i;
const IMPORT = /^(?:please\s+)?import\b[^\n{[]*?(?::|\n|(?=[{[])|$)\s*/i;

/** Text as sent, without the bot's @mention or HTML (Teams sends pasted text as HTML at times). */
export function plainText(text: string): string {
  let t = text;
  if (/<(p|div|br|span|pre|code)\b/i.test(t)) {
    t = t
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|pre)>/gi, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&');
  }
  // A paste inside a Markdown code fence.
  return t.replace(/^\s*```[a-z]*\s*\n?/i, '').replace(/\n?```\s*$/, '').trim();
}

function fileOf(attachments: readonly IncomingAttachment[]): string | undefined {
  for (const a of attachments) {
    const url = attachmentUrl(a);
    if (url !== undefined) return url;
  }
  return undefined;
}

/** What the message is when it is not a sentence for the parser; undefined otherwise. */
export function classifyPaste(rawText: string, attachments: readonly IncomingAttachment[] = []): Pasted | undefined {
  const text = plainText(rawText);
  const file = fileOf(attachments);
  const withFile = file !== undefined ? { file } : {};
  const exp = EXPORT.exec(text);
  if (exp && /\bexport\b|powershell|dsc|json/i.test(text)) return { kind: 'export', format: formatOf(exp[1]) };
  const compare = COMPARE.exec(text);
  if (compare) return { kind: 'compare', text: text.slice(compare[0].length), ...withFile };
  if (/^[[{]/.test(text)) return { kind: 'import', text, ...withFile };
  const imp = IMPORT.exec(text);
  if (imp && (file !== undefined || /^[[{]/.test(text.slice(imp[0].length)) || text.slice(imp[0].length).includes('\n'))) {
    return { kind: 'import', text: text.slice(imp[0].length), ...withFile };
  }
  for (const [verb, action] of LIST_VERBS) {
    const m = verb.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length).replace(LIST_LEAD, '');
    if (file !== undefined || looksLikeList(rest)) return { kind: 'list', action, text: rest, ...withFile };
    return undefined;
  }
  if (file !== undefined) return { kind: 'import', text, file };
  return undefined;
}

/**
 * Mostly domain-shaped entries, and many of them or one per line: "allow all external domains again,
 * we are not blocking anyone anymore" is a sentence however long.
 */
function looksLikeList(rest: string): boolean {
  const tokens = rest.split(/[\s,;]+/).filter((x) => x !== '' && !/^(and|or|[-*•])$/i.test(x));
  const domains = tokens.filter((t) => /^[^\s@]*[^\s.@]\.[^\s.][^\s]*$/.test(t)).length;
  if (domains < 2 || domains * 2 < tokens.length) return false;
  return domains >= LIST_ENTRIES || rest.includes('\n');
}

function formatOf(word: string | undefined): ExportFormat {
  if (word === undefined) return 'powershell';
  if (/dsc/i.test(word)) return 'dsc';
  if (/json/i.test(word)) return 'json';
  return 'powershell';
}
