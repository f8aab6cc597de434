import { parse } from '../../src/language';

/**
 * What the domain rules cover (src/language/coverage.ts), read at the parser: a setting, a medium and a
 * word asking about scope give the medium's row marked as about the domain rules; everything around that
 * class keeps its own reading. Sentences not used to build the cues (held out), plus the boundaries.
 */
const kindOf = (text: string): string => {
  const r = parse(text);
  if (!r.ok) return 'refused';
  return r.command.kind === 'feature' && r.command.about === 'domainRules' ? `coverage:${[r.command.feature, ...(r.command.also ?? [])].join(',')}` : r.command.kind;
};

describe('a setting, a medium and a scope word: the row, as what the domain rules cover', () => {
  it.each([
    ['our allow list only lets chat through, calls too?', 'coverage:chat,call'],
    ['Is presence also controlled by the blocked domains?', 'coverage:presence'],
    ['blocked domain users still can call us??', 'coverage:call'],
    ['federation settings dont apply on meeting?', 'coverage:meetingInvite'],
    ['why blocked domain people can still see my presence', 'coverage:presence'],
    ['does blocking a domain also stop file sharing?', 'coverage:shareFiles'],
    ['We have "Block only specific external domains" but people from those domains still attend our meetings', 'coverage:meetingInvite'],
    ['after we blocked fabrikam.com they still join meetings, why', 'coverage:meetingInvite'],
    ['is group chat affected by the domain block list?', 'coverage:groupChat'],
    ['allow list is it also for channels?', 'coverage:resources'],
    // The medium after the contrast is the one asked about: it comes first.
    ['blocked domains stop calls but not meetings?', 'coverage:meetingInvite,call'],
    ['our allowed domain list is ignored for meetings', 'coverage:meetingInvite'],
    ['users from blocked domains join meetings - how?', 'coverage:meetingInvite'],
    ['allowed domains vs meetings', 'coverage:meetingInvite'],
    // A list first is a noun, not the verb "block".
    ['block list dont work for meetings', 'coverage:meetingInvite'],
    // A bare setting and a feature, joined by nothing else, ask the same.
    ['allow list + meetings?', 'coverage:meetingInvite'],
    ['blocked domains and calls?', 'coverage:call'],
    ['allowed domains & screen sharing', 'coverage:screenSharing'],
    ['the blocklist with group chats?', 'coverage:groupChat'],
    ['external access settings and presence?', 'coverage:presence'],
  ])('%s → %s', (text, want) => {
    expect(kindOf(text)).toBe(want);
  });
});

describe('around the class, each keeps its own reading', () => {
  it.each([
    // Requests stay requests (or their refusals); a domain after "block list" makes it the verb.
    ['block fabrikam.com', 'change'],
    ['please block fabrikam.com for chat too', 'change'],
    ['block list fabrikam.com', undefined],
    // A change for some media only is explained (perMedium), never read as a coverage question.
    ['block fabrikam.com but not for meetings', 'perMedium'],
    // No scope word: the settings or the list; a bare list with a domain or a status is no feature.
    ['blocked domains', 'showSettings'],
    ['allow list status?', 'showSettings'],
    ['show blocked domains and calls', 'showSettings'],
    ['allowed domains and fabrikam.com?', undefined],
    ['which domains are allowed for meetings?', 'showSettings'],
    ['what is the status of the block list?', 'showSettings'],
    ['show settings', 'showSettings'],
    // A person named asks for a verdict; a domain with plain talking too; a domain without a contrast is its status.
    ['why is chat not working with fabrikam.com even though it is on the allow list?', 'reach'],
    ['can I meet with ann@contosowest.com?', 'reach'],
    ['is fabrikam.com blocked for meetings too?', 'domainStatus'],
    // "External chats" is the medium here, not the switch: no setting is named.
    ['why is the attach icon missing in my external chats?', 'feature'],
    // Personal accounts have a setting of their own; a failure to talk is reported, not a scope asked.
    ["why can't we chat with personal Teams accounts, is the allowed domains setting also for them?", undefined],
    ["we can't chat with anyone outside, the settings are not the problem", undefined],
    // How to, what if, guests, history: their own answers.
    ['how do I make the allowed list apply to meetings too?', 'howto'],
    ['what if we block all external domains, do meetings still work?', 'whatIf'],
    ['is external access limited to chat or can they access channels like guests?', 'feature'],
    ['who changed the allowed list for meetings?', 'history'],
  ] as [string, string | undefined][])('%s → %s', (text, want) => {
    // undefined: any reading but this class.
    expect(kindOf(text)).not.toMatch(/^coverage/);
    if (want !== undefined) expect(kindOf(text)).toBe(want);
  });
});
