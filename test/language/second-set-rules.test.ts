import { parse } from '../../src/language';
import type { Command } from '../../src/language/command';

/**
 * The general rules the second judged set (realworld/paraphrases-2.json) led to, each on sentences not in
 * that set (held out), with the near-misses at its edge. A row's `null` must not parse to a change.
 */
const org = '';
const change = (c: Extract<Command, { kind: 'change' }>['change']): Command => ({ kind: 'change', change: c });

describe('a copula then a setting asks how the setting is (the settings card), not how to change it', () => {
  it.each([
    ['is federation on?', { kind: 'showSettings' }],
    ['are personal teams accounts blocked for us?', { kind: 'showSettings' }],
    ['is subdomain blocking off or on', { kind: 'showSettings' }],
    // A change further on is still a how-to (or a reading of its own) question.
    ['is it possible to turn off external access?', { kind: 'howto', change: { kind: 'setFederation', org, enabled: false } }],
    ['is it a good idea to block tailspin.example?', { kind: 'howto', change: { kind: 'addBlocked', org, domains: ['tailspin.example'] } }],
  ] as [string, Command][])('%j → %j', (text, want) => {
    expect(parse(text)).toEqual({ ok: true, command: want, notes: [] });
  });
});

describe('verbs that only carry a state word, and admin-center choices in quotes', () => {
  it.each([
    ['put external access back on', change({ kind: 'setFederation', org, enabled: true })],
    ['get federation back on please', change({ kind: 'setFederation', org, enabled: true })],
    ['bring external access back on', change({ kind: 'setFederation', org, enabled: true })],
    ['change it to "Block all external domains"', change({ kind: 'setDomainMode', org, mode: 'blockAll' })],
    ["go back to 'allow all external domains'", change({ kind: 'setDomainMode', org, mode: 'allowAll' })],
  ] as [string, Command][])('%j → %j', (text, want) => {
    expect(parse(text)).toMatchObject({ ok: true, command: want });
  });

  it('a quoted policy name stays a name', () => {
    expect(parse('assign policy "Sales External" to rob@contosoeast.com')).toMatchObject({ ok: true, command: { kind: 'change', change: { kind: 'assignPolicy', policy: 'Sales External' } } });
  });
});

describe('history, how-to and PowerShell questions', () => {
  it.each([
    ['has anything been changed lately?', 'history'],
    ["what's been changed this week", 'history'],
    ['which cmdlet turns off federation?', 'howto'],
    ['What is the PowerShell command to allow a domain?', 'howto'],
    ["what's the cmdlet for subdomain blocking?", 'howto'],
    ['Get-CsExternalAccessPolicy -Identity "tag:Partners"', 'showSettings'],
    ['Get-CsTenantFederationConfiguration -Tenant 3f2a9c1e | fl AllowedDomains', 'showSettings'],
  ])('%j → %s', (text, kind) => {
    const r = parse(text);
    expect(r.ok && r.command.kind).toBe(kind);
  });

  it('a Set- line keeps its parameters (it is a change)', () => {
    expect(parse('Set-CsTenantFederationConfiguration -AllowFederatedUsers $false')).toMatchObject({ ok: true, command: change({ kind: 'setFederation', org, enabled: false }) });
  });
});

describe('a pronoun after a list verb stands for the one domain named before it, in a request', () => {
  it.each([
    ['tailspin.example floods us with spam, block them', change({ kind: 'addBlocked', org, domains: ['tailspin.example'] }), 'I read them as tailspin.example.'],
    ['we work with litware.com now, please whitelist them', change({ kind: 'addAllowed', org, domains: ['litware.com'] }), 'I read them as litware.com.'],
    ['litware.com is fine now, unblock it', change({ kind: 'removeBlocked', org, domains: ['litware.com'] }), 'I read it as litware.com.'],
  ] as [string, Command, string][])('%j → %j', (text, want, note) => {
    const r = parse(text);
    expect(r).toMatchObject({ ok: true, command: want });
    expect(r.ok && r.notes).toContain(note);
  });

  it.each([
    // A negation still wins, even in a clause of its own ("no"); two domains, an address, a question or a pronoun before the domain: no reading.
    ["litware.com is a partner, don't block them"],
    ['litware.com is no threat anymore, unblock it'],
    ['litware.com and tailspin.example, block them'],
    ['ann@contosowest.com at litware.com asked, block them'],
    ['litware.com is a partner, why did you block them?'],
    ['block them, litware.com'],
    // A domain already a verb's object: the pronoun is a second request about it, asked about as such.
    ['block litware.com then unblock it'],
  ])('%j is not a change', (text) => {
    const r = parse(text);
    expect(r.ok && r.command.kind === 'change').toBe(false);
  });
});

describe('batch 2 of the second set: its rules, on held-out sentences', () => {
  it.each([
    // Admin-center checkboxes.
    ["untick 'External users with Teams accounts not managed by an organization can contact users in my organization'", change({ kind: 'setTeamsConsumer', org, inbound: false })],
    ['uncheck unmanaged teams accounts', change({ kind: 'setTeamsConsumer', org, outbound: false })],
    // "as an allowed / blocked domain".
    ['please add litware.com as a trusted domain', change({ kind: 'addAllowed', org, domains: ['litware.com'] })],
    ['add tailspin.example as a blocked domain', change({ kind: 'addBlocked', org, domains: ['tailspin.example'] })],
    // A wish to talk only to some domains is the allow-only rule.
    ['we only want to communicate with litware.com and tailspin.example', change({ kind: 'allowOnly', org, domains: ['litware.com', 'tailspin.example'] })],
    ['talk exclusively with litware.com', change({ kind: 'allowOnly', org, domains: ['litware.com'] })],
    // Undo with any object, back to everyone.
    ['revert the latest change', { kind: 'undo' }],
    ['roll back my previous change', { kind: 'undo' }],
    ['switch back to blocking all external domains', change({ kind: 'setDomainMode', org, mode: 'blockAll' })],
    ['go back to permitting all domains', change({ kind: 'setDomainMode', org, mode: 'allowAll' })],
  ] as [string, Command][])('%j → %j', (text, want) => {
    expect(parse(text)).toMatchObject({ ok: true, command: want });
  });

  it.each([
    // "check" asks; talking to a domain without "only" is no rule; a failure with someone named asks the verdict.
    ['check the federation settings', 'showSettings'],
    ['chat with litware.com', 'reach'],
    ['our people cannot find anyone from litware.com in search', 'reach'],
    // A how-to question naming no row is answered with the steps; guests named still compare.
    ['how can I stop external users from calling one of our users?', 'howto'],
    ['should we go with guest access instead of external access?', 'comparison'],
  ])('%j → %s', (text, kind) => {
    const r = parse(text);
    expect(r.ok && r.command.kind).toBe(kind);
  });
});

describe('batch 3 of the second set: its rules, on held-out sentences', () => {
  it.each([
    // Determiners before a list, an admin-center choice followed by its list, removing "on" a list.
    ['unblock the following: litware.com, tailspin.example', change({ kind: 'removeBlocked', org, domains: ['litware.com', 'tailspin.example'] })],
    ['select Block only specific external domains and add litware.com', change({ kind: 'addBlocked', org, domains: ['litware.com'] })],
    ['get rid of litware.com in the allowed domains', change({ kind: 'removeAllowed', org, domains: ['litware.com'] })],
    ['undo what I just did', { kind: 'undo' }],
  ] as [string, Command][])('%j → %j', (text, want) => {
    expect(parse(text)).toMatchObject({ ok: true, command: want });
  });

  it.each([
    // Two people named with a failure: the verdict between them; recording is not in the table.
    ['ann@contosowest.com says her chats to rob@contosoeast.com fail', { kind: 'reach', from: 'ann@contosowest.com', to: 'rob@contosoeast.com' }],
    ['can guests record the call?', { kind: 'featureUnknown', name: 'record the call', near: [] }],
  ] as [string, Command][])('%j → %j', (text, want) => {
    expect(parse(text)).toMatchObject({ ok: true, command: want });
  });

  // What should be may be an opinion (negative_cases: "x.com should be blocked"): asked about, never a change.
  it.each(['should rob@contosoeast.com have external access?', "rob@contosoeast.com shouldn't have external access, right?", "don't remove rob@contosoeast.com's external access", 'ann@contosowest.com must not have federation anymore'])('%j is not a change', (text) => {
    const r = parse(text);
    expect(r.ok && r.command.kind === 'change').toBe(false);
  });
});

describe('batch 4 of the second set: its rules, on held-out sentences', () => {
  it.each([
    ['only litware.com is allowed', change({ kind: 'allowOnly', org, domains: ['litware.com'] })],
    ['set the allowed list = litware.com', change({ kind: 'allowOnly', org, domains: ['litware.com'] })],
    ['let unmanaged accounts chat with us', change({ kind: 'setTeamsConsumer', org, inbound: true })],
    ['reblock litware.com', change({ kind: 'addBlocked', org, domains: ['litware.com'] })],
  ] as [string, Command][])('%j → %j', (text, want) => {
    expect(parse(text)).toMatchObject({ ok: true, command: want });
  });

  it.each([
    // A hedge in a clause of its own takes the request back; "everyone except" is asked back.
    ['in theory, unblock litware.com'],
    ['block litware.com at some point'],
    ['turn off federation for everyone except litware.com'],
  ])('%j is not a change', (text) => {
    const r = parse(text);
    expect(r.ok && r.command.kind === 'change').toBe(false);
  });

  it('a failure to add someone is answered, not asked back as a list change', () => {
    expect(parse("we can't add ann@contosowest.com to our group chats")).toMatchObject({ ok: true, command: { kind: 'feature', feature: 'groupChat' } });
  });
});

describe('batch 5 of the second set: its rules, on held-out sentences', () => {
  it.each([
    // State questions: a copula or "does our tenant" with a setting after it.
    ['does our organization allow unmanaged teams accounts?', 'showSettings'],
    ['are we on open federation?', 'showSettings'],
    ["what's our domain mode?", 'showSettings'],
    // An address right after an opening quote is an address; "not found" is a failure.
    ["it says 'rob@contosoeast.com can't be reached'", 'reach'],
    ['ann@contosowest.com does not show up in search', 'reach'],
    // "x.com should be blocked" may be an opinion: the domain's status, never the row about blocking a person.
    ['litware.com should be blocked', 'domainStatus'],
  ])('%j → %s', (text, kind) => {
    const r = parse(text);
    expect(r.ok && r.command.kind).toBe(kind);
  });

  it.each([
    ['we would like litware.com blocked', change({ kind: 'addBlocked', org, domains: ['litware.com'] })],
    ['I want tailspin.example unblocked', change({ kind: 'removeBlocked', org, domains: ['tailspin.example'] })],
    ['block litware.com from using teams', change({ kind: 'addBlocked', org, domains: ['litware.com'] })],
    ['Set-CsTenantFederationConfiguration -AllowedDomainsAsAList $null', change({ kind: 'setDomainMode', org, mode: 'blockAll' })],
  ] as [string, Command][])('%j → %j', (text, want) => {
    expect(parse(text)).toMatchObject({ ok: true, command: want });
  });

  it("an apostrophe inside a name still keeps the address whole (o'brien@…)", () => {
    expect(parse("can o'brien@contosowest.com chat with me?")).toMatchObject({ ok: true, command: { kind: 'reach', to: "o'brien@contosowest.com" } });
  });
});
