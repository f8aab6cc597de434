/** Words of questions: who asks, how they reach, what they ask about. */

/** A sentence starting with one of these (after polite openers) is a question, never a command. */
export const QUESTION_STARTS = [
  'why', 'what', 'what\'s', 'whats', 'who', 'who\'s', 'whom', 'whose', 'which', 'how', 'when', 'where',
  'is', 'are', 'am', 'was', 'were', 'does', 'do', 'did', 'doesn\'t', 'don\'t', 'isn\'t', 'aren\'t', 'should',
  'shall', 'might', 'has', 'have', 'hasn\'t', 'haven\'t', 'whether', 'if', 'can i', 'can we', 'could i',
  'could we', 'may i', 'may we', 'would i', 'would we', 'will i', 'will we', 'would it', 'will it', 'can it',
  'could it', 'can they', 'could they', 'would they', 'will they', 'can my', 'can our', 'can external',
  'can someone', 'can users', 'can people', 'can anyone', 'can\'t', 'cannot', 'why\'s', 'how\'s',
];
/** Openers that make a request polite, not a question ("could you block x.com"). */
export const POLITE_OPENERS = [
  'please', 'pls', 'plz', 'kindly', 'can you', 'could you', 'would you', 'will you', 'can u', 'could u',
  'would you mind', 'i want you to', 'i need you to', 'i\'d like you to', 'hey', 'hi', 'hello', 'bot', 'ok',
  'okay', 'so',
];

/** "I", "we", "my users": the sender's side, so `from` is omitted. */
export const SELF = [
  'i', 'we', 'me', 'us', 'my users', 'our users', 'our people', 'my people', 'my org', 'our org',
  'my organization', 'our organization', 'our tenant', 'my tenant', 'our company', 'my company', 'users',
  'our staff', 'my team', 'our team', 'people in my org', 'people in our organization', 'anyone here',
  'someone here', 'my colleagues',
];

export const MEDIUM: Record<string, 'chat' | 'call' | 'meet' | undefined> = {
  'chat with': 'chat', chat: 'chat', message: 'chat', 'send messages to': 'chat', 'send a message to': 'chat',
  im: 'chat', 'instant message': 'chat', text: 'chat', 'chat to': 'chat',
  call: 'call', phone: 'call', ring: 'call', 'video call': 'call', 'make calls to': 'call', 'place a call to': 'call',
  'call to': 'call',
  meet: 'meet', 'meet with': 'meet', 'have a meeting with': 'meet', 'have meetings with': 'meet',
  'schedule a meeting with': 'meet', 'set up a meeting with': 'meet', 'hold a meeting with': 'meet',
  'invite to a meeting': 'meet',
  reach: undefined, contact: undefined, 'talk to': undefined, 'talk with': undefined,
  'communicate with': undefined, 'connect with': undefined, 'connect to': undefined, 'federate with': undefined,
  'get through to': undefined, 'get hold of': undefined, 'work with': undefined, 'collaborate with': undefined,
  'speak to': undefined, 'speak with': undefined, find: undefined, 'see': undefined,
};
/** Pair forms: "can a.com and b.com chat". */
export const MEDIUM_PAIR: Record<string, 'chat' | 'call' | 'meet' | undefined> = {
  chat: 'chat', 'chat with each other': 'chat', 'message each other': 'chat',
  call: 'call', 'call each other': 'call', meet: 'meet',
  talk: undefined, 'talk to each other': undefined, communicate: undefined, 'communicate with each other': undefined,
  'reach each other': undefined, federate: undefined, connect: undefined, 'see each other': undefined,
};
export const CANNOT = [
  'can\'t', 'cannot', 'can not', 'couldn\'t', 'could not', 'is unable to', 'are unable to', 'am unable to',
  'isn\'t able to', 'aren\'t able to', 'is not able to', 'are not able to', 'am not able to', 'unable to',
  'doesn\'t', 'don\'t', 'won\'t', 'does not', 'do not', 'fail to', 'fails to', 'not able to', 'never',
];

/** What a domain status question asks about; the answer covers every case, so they all mean the same. */
export const STATUS = [
  'blocked', 'allowed', 'permitted', 'banned', 'denied', 'trusted', 'federated', 'whitelisted', 'blacklisted',
  'on the block list', 'on the blocked list', 'on the allow list', 'on the allowed list', 'in the block list',
  'in the allow list', 'on our block list', 'on our allow list', 'in the allowed domains', 'in the blocked domains',
  'on the blocklist', 'on the allowlist', 'blocked or allowed', 'allowed or blocked', 'reachable', 'ok',
  'fine', 'open', 'on the list', 'listed',
];
export const STATUS_VERBS = [
  'block', 'allow', 'blocking', 'allowing', 'permit', 'permitting', 'trust', 'federate with', 'ban', 'deny',
];

/** People on the other side of external access, for feature questions. */
export const EXTERNAL_PEOPLE = [
  'external users', 'external user', 'external people', 'external person', 'external contacts',
  'external contact', 'external participants', 'external attendees', 'externals', 'federated users',
  'federated user', 'federated contacts', 'federated people', 'outside users', 'outsiders',
  'people outside my organization', 'people outside our organization', 'people outside the organization',
  'people outside my org', 'people outside our org', 'people outside the company', 'people outside',
  'people from other organizations', 'people from another organization', 'people in other organizations',
  'people from other companies', 'people from another company', 'users from other organizations',
  'users in other organizations', 'users from other companies', 'someone from another organization',
  'someone from another company', 'someone in another organization', 'guests', 'guest users', 'guest',
  'external access users', 'people on external access', 'external partners', 'someone outside',
  'someone outside your organization', 'someone outside my organization', 'people outside your organization',
  'users in other tenants', 'people in other tenants', 'external chats', 'external chat', 'federated chats',
  'external contact', 'teams consumer users',
];
