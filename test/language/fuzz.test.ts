import { EXAMPLES, parse } from '../../src/language';
import { commandSchema, type ParseResult } from '../../src/language/command';
import type { ChangeKind } from '../../src/policy/change';
import { pick, prng, testSeed } from '../support/prng';

/**
 * Seeded fuzzing: random noise, word salad and mutations of real commands. Properties: parse never
 * throws and always returns a valid result; noise is never a change; a question or a negation is
 * never a change; a change read from a mutation is one its words support; suggestions are commands.
 * Run with SEED=<n> to reproduce a failure; the seed is in every failure message.
 */
const SEED = testSeed(4242);

const CHANGES = [
  ...EXAMPLES.filter((e) => e.command.kind === 'change').map((e) => e.text),
  'please block a.com, b.com and c.com',
  'unblock contoso.com for Contoso West',
  'allow fabrikam.com for contosowest.com',
  'turn off external access for rob@contosoeast.com',
  'disable federation',
  'allow only a.com and b.com',
  'stop blocking x.com',
  'add x.com to the allowed domains',
  'block https://www.contoso.com/about',
  'also block subdomains',
  'let unmanaged accounts start conversations',
  'assign the NoFed policy to rob@contosoeast.com',
];
const OTHERS = EXAMPLES.filter((e) => e.command.kind !== 'change').map((e) => e.text);
const QUESTION_WORDS = ['why', 'what', 'who', 'how', 'is', 'are', 'does', 'do', 'did', 'should', 'which', 'where', 'when', 'can i', 'can we', 'could i', 'could we', 'may i', 'should we', 'would it', 'whether', 'if'];
const NEGATIONS = ['not', "don't", 'do not', 'never', 'dont', "shouldn't", 'no longer'];
const POOL = ['block', 'unblock', 'allow', 'only', 'all', 'on', 'off', 'turn', 'and', 'the', 'for', 'x.com', 'rob@x.com', 'please', 'policy', 'trial', 'subdomain', 'external', 'access', 'in', 'Contoso', 'West', ',', '.', '!', 'yes', 'no', 'undo', 'to', 'from', 'everyone', 'except', 'tenants', 'unmanaged', 'accounts'];
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789      .,;:!?@#/\\\'"-_*()[]{}<>&%$üéßЖ中\u200b\u00a0\t\n';

/** Words that must be present for a change kind to be a fair reading of the text. */
const SUPPORT: Record<Exclude<ChangeKind, 'restore' | 'import'>, RegExp[]> = {
  setFederation: [/external|federat|\bfed\b/],
  setDomainMode: [/all|every|any|open|specific|list/],
  allowOnly: [/only|just|restrict|limit|set|replace/],
  addAllowed: [/allow|permit|whitelist|trust|add|put|enable|let|open/],
  removeAllowed: [/remove|delete|drop|take|erase|stop allowing|unallow|un-allow|unwhitelist/],
  addBlocked: [/block|ban|blacklist|deny|prohibit|add|put/],
  removeBlocked: [/unblock|unban|un-ban|stop blocking|remove|delete|drop|take|erase/],
  setSubdomainBlocking: [/sub-?domain/],
  setTeamsConsumer: [/unmanaged|personal|consumer|teams free/],
  setTrialTenants: [/trial/],
  addTrialException: [/trial/, /allow|permit|add|put|enable|turn on|unblock|exempt|except|trust|whitelist/],
  removeTrialException: [/trial/, /remove|delete|drop|take|erase|block|turn off|disable/],
  createPolicy: [/polic|called|named/, /create|make|new|set up|add/],
  updatePolicy: [/polic/],
  assignPolicy: [/assign|apply|give|grant|move|put|set|switch/],
  setUserFederation: [/@/, /external|federat/],
  setUserCoexistence: [/@/, /teams ?only|islands|sfb|skype|prem|online|cloud/],
  setUserAllowOnly: [/@/, /only|just/],
  several: [/and|,|;/],
};

const isChange = (r: ParseResult): boolean => r.ok && r.command.kind === 'change';
const acts = (r: ParseResult): boolean => r.ok && (r.command.kind === 'change' || r.command.kind === 'undo');

function check(text: string, what: string, failures: string[]): ParseResult {
  let r: ParseResult;
  try {
    r = parse(text);
  } catch (err) {
    failures.push(`${what}: threw on ${JSON.stringify(text)}: ${String(err)}`);
    return { ok: false, reason: 'threw', suggestions: [] };
  }
  if (r.ok && !commandSchema.safeParse(r.command).success) failures.push(`${what}: invalid command for ${JSON.stringify(text)}`);
  if (!r.ok && (r.reason === '' || r.suggestions.length === 0)) failures.push(`${what}: refusal without reason or suggestions for ${JSON.stringify(text)}`);
  const lower = text.toLowerCase().trim();
  if (acts(r) && (lower.endsWith('?') || new RegExp(`^(?:${QUESTION_WORDS.join('|')})\\b`).test(lower))) {
    failures.push(`${what}: question became ${JSON.stringify(r.ok && r.command)}: ${JSON.stringify(text)}`);
  }
  if (r.ok && r.command.kind === 'change' && r.command.change.kind !== 'restore' && r.command.change.kind !== 'import') {
    // Words the parser corrected ("I read blcok as block.") count as what they were read as.
    // Words, not punctuation, support a reading: "stop: blocking x.com" still says "stop blocking".
    let support = lower.replace(/[^\p{L}\p{N}@.\s'-]+|'(?!\p{L})/gu, ' ').replace(/\s+/g, ' ');
    for (const m of r.notes.join(' ').toLowerCase().matchAll(/(\S+) as ([^,.]+)/g)) support = support.replace(m[1] ?? '', m[2] ?? '');
    const missing = SUPPORT[r.command.change.kind].find((re) => !re.test(support));
    if (missing) failures.push(`${what}: ${r.command.change.kind} not supported by the words of ${JSON.stringify(text)} (${missing})`);
  }
  return r;
}

function mutate(rand: () => number, text: string): { text: string; op: string } {
  const words = text.split(' ');
  const i = Math.floor(rand() * words.length);
  const w = words[i] ?? '';
  const op = pick(rand, ['delete', 'duplicate', 'swap', 'insert', 'typo', 'transpose', 'case', 'punct', 'question', 'questionWord', 'negate', 'truncate']);
  switch (op) {
    case 'delete': words.splice(i, 1); break;
    case 'duplicate': words.splice(i, 0, w); break;
    case 'swap': if (i + 1 < words.length) [words[i], words[i + 1]] = [words[i + 1] ?? '', w]; break;
    case 'insert': words.splice(i, 0, pick(rand, POOL)); break;
    case 'typo': { const j = Math.floor(rand() * w.length); words[i] = w.slice(0, j) + pick(rand, [...'abcdefghijklmnopqrstuvwxyz.@']) + w.slice(j + 1); break; }
    case 'transpose': { const j = Math.floor(rand() * Math.max(0, w.length - 1)); words[i] = w.slice(0, j) + (w[j + 1] ?? '') + (w[j] ?? '') + w.slice(j + 2); break; }
    case 'case': words[i] = rand() < 0.5 ? w.toUpperCase() : w[0]?.toUpperCase() + w.slice(1); break;
    case 'punct': words[i] = w + pick(rand, [',', '.', '!', ';', ':', '"', "'", ')']); break;
    case 'question': return { text: `${words.join(' ')}?`, op };
    case 'questionWord': return { text: `${pick(rand, QUESTION_WORDS)} ${words.join(' ')}`, op };
    case 'negate': words.splice(i, 0, pick(rand, NEGATIONS)); break;
    case 'truncate': return { text: text.slice(0, Math.floor(rand() * text.length)), op };
  }
  return { text: words.join(' '), op };
}

describe(`fuzz (seed ${SEED}; set SEED=<n> to reproduce)`, () => {
  it('random character noise: never throws, never a change (5,000 strings)', () => {
    const rand = prng(SEED);
    const failures: string[] = [];
    for (let n = 0; n < 5000; n++) {
      const len = Math.floor(rand() * 80);
      let text = '';
      for (let k = 0; k < len; k++) text += pick(rand, [...ALPHABET]);
      const r = check(text, `seed ${SEED} noise #${n}`, failures);
      if (acts(r)) failures.push(`seed ${SEED} noise #${n}: noise became a change: ${JSON.stringify(text)}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('word salad from command words: never throws, changes only when the words support them (3,000 strings)', () => {
    const rand = prng(SEED + 1);
    const failures: string[] = [];
    for (let n = 0; n < 3000; n++) {
      const len = 1 + Math.floor(rand() * 8);
      const text = Array.from({ length: len }, () => pick(rand, POOL)).join(' ');
      check(text, `seed ${SEED + 1} salad #${n}`, failures);
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('mutations of real commands: questions and negations are never changes (6,000 mutations)', () => {
    const rand = prng(SEED + 2);
    const failures: string[] = [];
    let stillChanges = 0;
    for (let n = 0; n < 6000; n++) {
      let { text, op } = mutate(rand, pick(rand, [...CHANGES, ...OTHERS]));
      if (rand() < 0.3) ({ text, op } = { ...mutate(rand, text), op: `${op}+…` });
      const r = check(text, `seed ${SEED + 2} mutation #${n} (${op})`, failures);
      if (isChange(r)) stillChanges++;
      const negation = new RegExp(`(?:^|\\s)(?:${NEGATIONS.join('|')})(?:\\s|$)`, 'i');
      if (negation.test(text) && acts(r)) failures.push(`seed ${SEED + 2} mutation #${n}: negation became a change: ${JSON.stringify(text)}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    // The mutations are not all trivially refused: many still read as the change they came from.
    expect(stillChanges).toBeGreaterThan(600);
  });

  it('every suggestion offered for a refusal is itself a command (1,000 refusals)', () => {
    const rand = prng(SEED + 3);
    const failures: string[] = [];
    let refusals = 0;
    for (let n = 0; refusals < 1000 && n < 20000; n++) {
      const { text } = mutate(rand, pick(rand, [...CHANGES, ...OTHERS]));
      const r = parse(text);
      if (r.ok) continue;
      refusals++;
      for (const s of r.suggestions) {
        if (!parse(s).ok) failures.push(`seed ${SEED + 3} #${n}: suggestion ${JSON.stringify(s)} for ${JSON.stringify(text)} does not parse`);
      }
    }
    expect(refusals).toBe(1000);
    expect(failures.slice(0, 10)).toEqual([]);
  });
});
