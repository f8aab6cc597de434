import { parse } from '../../src/language';

/**
 * Near-misses, questions and negations: none of them may change policy. A change, an undo or a
 * confirmation read from any of these would be the worst bug the language module can have.
 */
const acts = (text: string): boolean => {
  const r = parse(text);
  return r.ok && (r.command.kind === 'change' || r.command.kind === 'undo' || r.command.kind === 'confirm');
};

const questions = [
  'can I block contoso.com?',
  'can I block contoso.com',
  'can we block contoso.com',
  'could I block contoso.com?',
  'could you block contoso.com?',
  'can you block contoso.com?',
  'should I block x.com',
  'should we block x.com?',
  'should I turn off external access?',
  'is contoso.com blocked?',
  'is external access on?',
  'is external access turned off?',
  'is subdomain blocking on?',
  'are trial tenants blocked?',
  'are unmanaged Teams accounts allowed?',
  'what happens if I block x.com?',
  'what if I block x.com',
  'what would happen if we turned off external access',
  'why block x.com',
  'why did you block x.com?',
  'who blocked x.com?',
  'how do I block x.com?',
  'how can I turn off external access',
  'would blocking x.com break anything?',
  'does blocking x.com also block sub.x.com?',
  'if I block x.com, can rob still chat?',
  'block x.com?',
  'turn off external access?',
  'allow all external domains?',
  'undo?',
  'can I undo that?',
  'should I undo the last change?',
  'did someone unblock x.com?',
  'whether to block x.com',
  'is it safe to allow x.com?',
  'can external users be blocked?',
  'can I allow only a.com?',
  'may I disable federation?',
  'will you block x.com?',
  'do you block x.com',
  'do I need to unblock x.com',
  'has anyone allowed x.com?',
  'what does "block all external domains" do?',
  'Is it possible to turn on subdomain blocking?',
  'could we allow trial tenant x.com?',
  'can you turn off external access for rob@contosoeast.com?',
];

const negations = [
  "don't block contoso.com",
  'dont block contoso.com',
  'do not block contoso.com',
  'Do NOT block contoso.com',
  'do not turn off external access',
  "don't turn off external access",
  'never allow x.com',
  'never block x.com',
  "please don't unblock x.com",
  'no, block x.com',
  'no block x.com',
  'not block x.com',
  'block x.com not',
  "we shouldn't block x.com",
  "I don't want to block x.com",
  "don't allow all external domains",
  "don't undo",
  'do not undo that',
  'stop, block x.com',
  'cancel, block x.com',
  'never turn on subdomain blocking',
  "don't block unmanaged Teams accounts",
  "don't allow trial tenants",
  'no longer allow x.com',
  "let's not block x.com",
  'without blocking x.com',
  "don't turn off external access for rob@contosoeast.com",
  "don't create policy NoFed",
  "don't assign policy NoFed to rob@contosoeast.com",
  "block x.com? no, don't",
  "I'd rather not block x.com",
  "nope, don't allow x.com",
];

const conflicts = [
  'block and allow contoso.com',
  'allow and block contoso.com',
  'block or allow contoso.com',
  'unblock and block x.com',
  'block a.com and unblock a.com',
  'block x.com and undo',
  'yes block x.com',
  'block everyone except x.com',
  'allow everyone except x.com',
  'turn off external access and turn on external access',
];

const nearMisses = [
  'block contoso',
  'block Contoso',
  'block contoso..com',
  'block *.contoso.com',
  'block .com',
  'block 10.0.0.1',
  'block rob@contoso.com',
  'allow ann@fabrikam.com',
  'add contoso.com',
  'remove contoso.com',
  'disallow contoso.com',
  'disable federation with x.com',
  'block x.com unless they pay',
  'block x.com tomorrow',
  'block x.com maybe',
  'block x.com if they spam',
  'block x.com for rob@contosoeast.com',
  'block x.com from 9am',
  'turn of external access',
  'turn external',
  'block',
  'allow',
  'unblock',
  'turn off',
  'external access',
  'blok x.com',
  'alow x.com',
  'bock x.com',
  'allow x.com in policy NoFed',
  'block x.com in policy NoFed',
  'create policy',
  'assign policy NoFed',
  'block all but x.com',
  'x.com',
  'contoso.com blocked',
  'the block list',
  'I blocked x.com yesterday',
  'rob blocked x.com',
  'blocking x.com was a mistake',
  'x.com should be blocked',
  'x.com needs blocking',
  'lorem ipsum dolor sit amet',
  'unblock all',
  'remove all blocked domains',
  'block x.com for rob',
  'block x.com or y.com',
  'block x.com, y.com or z.com',
  'block x.com and also y.com',
  'turn on external access and subdomain blocking',
  'block x.com then unblock it',
  'undo everything',
  'undo the last 3 changes',
  'turn everything off',
  'remove policy NoFed',
  'block x.com'.repeat(80),
];

describe('negative cases: never a change', () => {
  it.each(questions)('question %j', (text) => expect(acts(text)).toBe(false));
  it.each(negations)('negation %j', (text) => {
    expect(acts(text)).toBe(false);
    expect(parse(text).ok).toBe(false);
  });
  it.each(conflicts)('conflict %j', (text) => {
    const r = parse(text);
    expect(r.ok).toBe(false);
  });
  it.each(nearMisses)('near-miss %j', (text) => expect(acts(text)).toBe(false));
});

describe('negative cases: what is offered instead', () => {
  const negatedChange = (text: string): string | undefined => {
    const plain = text.replace(/\b(?:don'?t|do not|never|not|no longer|nope|no|let's|we shouldn't|i'd rather|i don't want to|please)\b,?/gi, ' ');
    const r = parse(plain);
    return r.ok && r.command.kind === 'change' ? JSON.stringify(r.command) : undefined;
  };
  const withNegatedChange = negations.filter((t) => negatedChange(t) !== undefined);

  it('most negations, without the negation, are changes (so the next test means something)', () => {
    expect(withNegatedChange.length).toBeGreaterThan(negations.length / 2);
  });

  it.each(withNegatedChange)('a negation never offers the change it negates as a button: %j', (text) => {
    const r = parse(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const offered = r.suggestions.map((s) => parse(s)).map((p) => (p.ok ? JSON.stringify(p.command) : ''));
    expect(offered).not.toContain(negatedChange(text));
  });

  // Issue 13: a question about a change is answered with how to make it (admin center, PowerShell,
  // the chat command), never with the change, even when phrased as a polite request with a "?".
  it.each(['can I block contoso.com?', 'should I block contoso.com', 'could you block contoso.com?'])('a question about a change gets how to make it: %j', (text) => {
    expect(parse(text)).toEqual({ ok: true, command: { kind: 'howto', change: { kind: 'addBlocked', org: '', domains: ['contoso.com'] } }, notes: [] });
  });

  it('two conflicting verbs ask which, offering both', () => {
    const r = parse('allow and block contoso.com');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(/allow or block/);
      expect(r.suggestions).toEqual(['allow contoso.com', 'block contoso.com']);
    }
  });
});
