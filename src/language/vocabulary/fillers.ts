/**
 * Words that carry no intent. A change is accepted only when everything it did not match is one of
 * these; questions tolerate a few other words too.
 */
export const FILLERS = [
  'please', 'pls', 'plz', 'kindly', 'the', 'a', 'an', 'now', 'right now', 'immediately', 'asap', 'thanks',
  'thank you', 'thx', 'ty', 'hi', 'hello', 'hey', 'bot', 'ok', 'okay', 'alright', 'just', 'also', 'too',
  'as well', 'go ahead and', 'for me', 'for us', 'again', 'quickly', 'then', 'so', 'and', ',', '&',
  'i want to', 'i\'d like to', 'i would like to', 'i need to', 'we need to', 'we want to', 'need to',
  'want to', 'let\'s', 'can you', 'could you', 'would you', 'will you', 'can u', 'would you mind',
  'i want you to', 'i need you to', 'i\'d like you to', 'you', 'domain', 'domains', 'the domain',
  'the domains', 'for our organization', 'for our org', 'for my organization', 'for my org', 'for our tenant',
  'for my tenant', 'for our company', 'in our organization', 'in our org', 'in my organization', 'in my org',
  'in our tenant', 'in my tenant', 'for everyone', 'for all users', 'for the organization', 'for the org',
  'for the whole organization', 'for the tenant', 'org-wide', 'organization-wide', 'tenant-wide', 'for now',
  'in teams', 'in microsoft teams', 'on teams', 'in the admin center', 'in the teams admin center',
  'external', 'setting', 'the setting', 'mode', 'list', 'our', 'my', 'please do', 'asap please', '.',
  'while keeping', 'keeping',
];

/** Extra words a question may contain without lowering confidence. */
export const QUESTION_FILLERS = [
  'tell me', 'show me', 'do you know', 'i want to know', 'i\'d like to know', 'i would like to know', 'check',
  'check if', 'check whether', 'whether', 'if', 'currently', 'still', 'actually', 'really', 'at the moment',
  'me', 'us', 'i', 'we', 'our', 'my', 'can you tell me', 'could you tell me', 'any idea', 'wonder',
  'i wonder', 'know', 'at all', 'today', 'anymore', 'any more', 'in teams', 'there', 'here', 'in', 'of', 'for',
  'to', 'is', 'are', 'it', 'what', 'about', 'how about', 'please', 'with', 'anyway',
];

/** A clause giving a reason is not an instruction: "block x.com because they spam us". */
export const REASON_OPENERS = ['because', 'since they', 'as they', 'due to', 'cause', 'bc', 'b/c'];

/** Words that negate whatever command they accompany. */
export const NEGATIONS = [
  'not', 'don\'t', 'do not', 'never', 'no', 'nope', 'doesn\'t', 'shouldn\'t', 'should not', 'won\'t',
  'will not', 'can\'t', 'cannot', 'mustn\'t', 'must not', 'isn\'t', 'aren\'t', 'no longer', 'didn\'t',
  'wouldn\'t', 'without', 'nor', 'neither', 'avoid', 'refrain', 'stop',
];

/** Verbs that ask for a change: beside a question or an overview they mean it was misread. */
export const ACTION_VERBS = [
  'block', 'unblock', 'allow', 'remove', 'delete', 'add', 'turn', 'enable', 'disable', 'create', 'assign', 'set',
  'switch', 'ban', 'permit', 'clear', 'reset', 'revert', 'undo', 'deny', 'drop', 'put', 'change', 'update',
];

/** Conditions and hedges: a change with one of these is never taken at face value. */
export const HEDGES = [
  'unless', 'except', 'but', 'if', 'when', 'whether', 'maybe', 'perhaps', 'later', 'tomorrow', 'hypothetically',
  'theoretically', 'in theory', 'just curious', 'out of curiosity', 'someday', 'eventually', 'next week', 'next month',
  'at some point',
];
