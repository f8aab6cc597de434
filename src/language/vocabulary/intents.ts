/**
 * Cues of intents that do not depend on exact wording: found anywhere in the sentence (after
 * labels, spelling and entities are read), they decide what kind of answer is wanted.
 */

/** "who changed …", "who did?": the history of a setting. */
export const HISTORY_CUES = [
  'who changed', 'who did', 'who made', 'who turned', 'who set', 'who switched', 'who disabled', 'who enabled',
  'who blocked', 'who unblocked', 'who allowed', 'who modified', 'who removed', 'who added', 'who has changed',
  'when was', 'when did', 'who touched', 'who altered', 'who updated',
];

/**
 * What a "who changed …" question is about, tried in this order (the domain rule before the switch:
 * "who changed our external access to Block all external domains?" is about the rule).
 */
export const HISTORY_SETTING_WORDS: readonly [string, readonly string[]][] = [
  ['blockAllSubdomains', ['subdomain', 'subdomains']],
  ['allowedTrialTenantDomains', ['trial exception', 'trial exceptions', 'trial tenant exception']],
  ['trialTenants', ['trial', 'trial tenants', 'trial-only']],
  ['allowTeamsConsumerInbound', ['inbound']],
  ['allowTeamsConsumer', ['unmanaged', 'consumer', 'personal', 'skype users']],
  ['domainMode', ['all external domains', 'domain rule', 'specific external domains', 'open federation', 'closed federation', 'allow all', 'block all']],
  ['blockedDomains', ['blocked', 'block list', 'blocklist', 'blacklist', 'blocked domains']],
  ['allowedDomains', ['allowed', 'allow list', 'allowlist', 'whitelist', 'allowed domains']],
  ['policies', ['policy', 'policies']],
  ['allowFederatedUsers', ['external access', 'federation', 'fed', 'external communication']],
];

/** A sentence starting with one of these asks for the impact of a change, never for the change. */
export const HYPOTHETICAL_STARTS = [
  'what happens if', 'what would happen if', 'what will happen if', 'what happens when', 'what if', 'what would happen',
  'if i', 'if we', 'suppose', 'supposing', 'imagine', 'what is the impact of', "what's the impact of", 'impact of',
  'what breaks if', 'what would break if', 'would it break', 'what would change if', 'what changes if',
];

/** Something does not work: with a person or a domain, the verdict for them is wanted. */
export const TROUBLE_CUES = [
  'not working', "doesn't work", 'does not work', "don't work", "doesn't seem to work", 'not work', 'fails', 'failed',
  'failing', 'fail', 'not receiving', 'not get', "don't get", "doesn't get", "can't see", 'cannot see', "can't reach",
  "can't chat", "can't call", "can't message", "can't talk", "can't find", "can't communicate", "can't contact",
  'cannot find', 'can not find', "couldn't find", 'unable to find', 'cannot chat', 'cannot message', 'cannot reach',
  'cannot call', 'cannot contact', 'cannot communicate', 'not found', 'cannot be found', "can't be found",
  "doesn't show up", 'does not show up', "don't show up", 'not showing up', 'never arrive', 'never arrives',
  'not able to', 'unable to', 'broken', 'error', 'problem', 'issue', 'not showing', 'no email are showing',
  'not set up to talk to each other', 'failed to send', 'user not found', 'administrator has disabled chat',
  "we can't set up the conversation", 'ran into a problem', "can't get this to work", 'not reachable', 'blocked by',
  'says', 'it says', 'shows', 'i get', 'getting',
];

/** Talking to someone: with a person or a domain in a question, the verdict for them is wanted. */
export const TALK_CUES = [
  'chat', 'chats', 'talk', 'reach', 'communicate', 'communicating', 'communication', 'communications', 'call',
  'message', 'messages', 'contact', 'federate', 'federated', 'federation', 'work with', 'connect', 'see',
];

/** Features people ask about that the comparison table does not cover. */
export const UNKNOWN_FEATURES = [
  'messaging extensions', 'messaging extension', 'message extensions', 'tabs', 'tab', 'apps', 'app', 'bots', 'bot apps',
  'read receipts', 'read receipt', 'whiteboard', 'polls', 'forms', 'loop components', 'reactions', 'translation',
  'live captions', 'recording', 'recordings', 'transcription', 'breakout rooms', 'voicemail', 'priority notifications',
  'urgent messages', 'chat bubbles', 'together mode', 'polls in meetings', 'record meetings', 'record our meetings',
  'record the meeting', 'record a meeting', 'record meeting', 'record calls', 'record the call', 'record a call',
];

/** "How do I …", "is it possible to …": a question about doing something gets the steps. */
export const HOWTO_STARTS = [
  'how do i', 'how do we', 'how can i', 'how can we', 'how to', 'how would i', 'how should i', 'how should we',
  'is it possible to', 'is there a way to', 'do i have to', 'do we have to', 'do i need to', 'do we need to',
  'what is the best way to', "what's the best way to", 'best way to', 'where do i', 'where can i', 'shall we', 'shall i',
  'should we', 'should i', 'can i', 'can we', 'could i', 'could we', 'may i', 'may we',
];

/** Anywhere in a question, these ask for the steps ("what's the PowerShell to block a domain?"). */
export const HOWTO_CUES = [
  'powershell', 'cmdlet', 'cmdlets', 'the command to', 'the command for', 'which command', 'what command', 'the script to',
  'where in the admin center', 'where in the teams admin center', 'which setting', 'what setting', 'where is the setting',
  'where do i find', 'where can i find', 'the steps to', 'steps to', 'instructions',
];

/** Words that name what a how-to question is about, when it names no change I can read. */
export const HOWTO_TOPICS: Readonly<Record<string, 'domains' | 'federation' | 'perUser' | 'consumer' | 'trial'>> = {
  'specific users': 'perUser', 'some users': 'perUser', 'certain users': 'perUser', 'one user': 'perUser', 'per user': 'perUser',
  'per-user': 'perUser', 'a user': 'perUser', 'individual users': 'perUser', 'specific people': 'perUser', policy: 'perUser',
  'specific user': 'perUser', 'one specific user': 'perUser', 'particular user': 'perUser', 'single user': 'perUser',
  'certain user': 'perUser', 'individual user': 'perUser', 'one person': 'perUser', 'specific person': 'perUser',
  'one of our users': 'perUser', 'some people': 'perUser',
  unmanaged: 'consumer', consumer: 'consumer', personal: 'consumer', skype: 'consumer', trial: 'trial',
  domain: 'domains', domains: 'domains', block: 'domains', allow: 'domains', 'external access': 'federation',
  federation: 'federation', external: 'federation',
};

/**
 * "Does the allowed list apply to meetings?", "blocked domains stop chat but not calls?": with a
 * setting and a medium named, these words ask what the setting covers, so the medium's row answers.
 */
export const COVERAGE_CUES = [
  'apply', 'applies', 'applied', 'applying', 'affect', 'affects', 'affected', 'affecting', 'cover', 'covers', 'covered',
  'covering', 'include', 'includes', 'included', 'including', 'restrict', 'restricts', 'restricted', 'restricting',
  'limit', 'limits', 'limited', 'stop', 'stops', 'stopped', 'prevent', 'prevents', 'prevented', 'blocks', 'blocking',
  'hide', 'hides', 'impact', 'impacts', 'impacted', 'control', 'controls', 'controlled', 'govern', 'governs', 'governed',
  'ignore', 'ignores', 'ignored', 'matter', 'matters', 'vs', 'versus', 'work for', 'works for', 'valid for', 'also', 'too',
  'as well', 'either', 'only', 'just', 'even', 'right', 'why', 'how', 'how come',
];

/** A contrast between two media ("chat but not meetings", "still join"): the part after it is the one asked about. */
export const CONTRAST_CUES = [
  'but', 'but not', 'not', "don't", "doesn't", "isn't", "aren't", "won't", "didn't", 'still', 'anyway', 'although',
  'though', 'even though', 'except', 'what about', 'how about', 'or just', 'or only',
];

/** The domain rules and the switch, by the names people give them (besides the list nouns). */
export const RULE_WORDS = [
  'domain', 'domains', 'external domains', 'domain rule', 'domain rules', 'restriction', 'restrictions', 'settings',
  'setting', 'configuration', 'config',
];

/** Between a setting and a feature, these join without asking anything else ("allow list + meetings?"). */
export const BARE_JOINERS = [
  'and', '&', 'with', 'vs', 'versus', 'for', 'in', 'on', 'or', 'plus', 'about', 'what about', 'how about', 'regarding',
  'the', 'our', 'my', 'external', ',', '.', 'then', 'and then', 'wrt',
];

/**
 * Feature keywords too common to name a medium in a sentence about settings: "status" of a list,
 * "find", "edit", "delete", "im" typed for "I'm", "available".
 */
export const GENERIC_FEATURE_WORDS = ['status', 'find', 'look up', 'lookup', 'edit', 'delete', 'im', 'available', 'phone', 'team', 'teams'];

/**
 * Media a change may be asked for ("block x.com for meetings only", "allow y.com in chats"). External
 * access has no per-medium setting: such a request is explained, never narrowed or widened silently.
 */
export const MEDIA_WORDS: Readonly<Record<string, 'chat' | 'call' | 'meet'>> = {
  chat: 'chat', chats: 'chat', chatting: 'chat', messaging: 'chat', messages: 'chat', im: 'chat', ims: 'chat',
  'instant messaging': 'chat', 'instant messages': 'chat', 'group chats': 'chat', 'text chat': 'chat',
  call: 'call', calls: 'call', calling: 'call', 'audio calls': 'call', 'video calls': 'call', 'voice calls': 'call',
  'phone calls': 'call', voip: 'call',
  meeting: 'meet', meetings: 'meet', 'teams meetings': 'meet', 'online meetings': 'meet', 'meeting invites': 'meet',
  'meeting invitations': 'meet', 'meeting joins': 'meet',
};
/** Before a medium, these leave it out of a change ("but not for meetings", "except calls"). */
export const MEDIUM_EXCEPT = ['not', "don't", 'except', 'except for', 'excluding', 'apart from', 'other than', 'without', 'but not'];
/** After a medium, these leave it as it is ("meetings are fine", "calls can stay"). */
export const MEDIUM_UNTOUCHED = [
  'are fine', 'is fine', 'are ok', 'is ok', 'are okay', 'is okay', 'can stay', 'should stay', 'stay as they are',
  'stay as is', 'can stay open', 'should still work', 'must still work', 'still ok', 'are still ok', 'should remain allowed',
  'can remain', 'are allowed', 'should be allowed', 'stay allowed', 'stay open', 'unchanged',
];
/** Before or after a medium, these narrow a change to it ("only for chat", "for calls only"). */
export const MEDIUM_ONLY = ['only', 'just', 'solely', 'exclusively', 'alone', 'but only', 'only ever'];
