/**
 * Verbs, as synonym dictionaries. Each entry is a phrase as it appears in the cleaned sentence
 * (lower case, contractions normalized). Regexes are built from them longest-first (`alt`).
 */

/** Put a domain on the block list. "disallow" is not here: it is ambiguous (see ambiguous.ts). */
export const BLOCK = ['block', 'ban', 'blacklist', 'blocklist', 'deny', 'prohibit'];
export const UNBLOCK = [
  'unblock', 'unban', 'stop blocking', 'un-ban', 'lift the block on', 'lift the ban on', 'remove the block on',
  'take the block off', 'lift the block for',
];
export const ALLOW = ['allow', 'permit', 'whitelist', 'allowlist', 'trust'];
export const ALLOW_ONLY = [
  'allow only', 'only allow', 'allow just', 'just allow', 'permit only', 'only permit',
  'restrict to', 'limit to', 'restrict external access to', 'limit external access to',
  'restrict federation to', 'limit federation to',
];
export const STOP_ALLOWING = ['stop allowing', 'unallow', 'un-allow', 'unwhitelist', 'un-whitelist'];
export const ADD = ['add', 'put', 'include', 'insert'];
export const REMOVE = ['remove', 'delete', 'drop', 'take', 'erase', 'get rid of', 'clear out', 'strip'];

/** Switches. "allow"/"block" also switch things on/off when the object is a setting. */
export const TURN_ON = [
  'turn on', 'switch on', 'enable', 'activate', 'reenable', 're-enable', 'turn back on', 'switch back on', 'tick',
];
/** "uncheck '<admin-center label>'": the admin center's checkboxes. Not "check" ("check the settings" asks). */
export const TURN_OFF = ['turn off', 'switch off', 'disable', 'deactivate', 'shut off', 'cut off', 'shut down', 'uncheck', 'untick', 'deselect', 'unselect'];
/** "set … to on", "… on": the state words after a setting. */
export const STATE_ON = ['on', 'enabled', 'allowed', 'active', 'true'];
export const STATE_OFF = ['off', 'disabled', 'blocked', 'inactive', 'false'];

export const CREATE = ['create', 'make', 'new', 'set up', 'add', 'add a new', 'create a new', 'make a new'];
export const UPDATE = ['change', 'update', 'edit', 'modify', 'set', 'configure'];
export const ASSIGN = ['assign', 'apply', 'give', 'grant'];
export const MOVE = ['move', 'switch', 'put', 'set', 'upgrade', 'migrate'];

/** Every "undo <object>" people write: the verbs with every object ("revert my change", "undo the latest change"). */
const UNDO_VERBS = ['undo', 'revert', 'roll back', 'reverse', 'take back'];
const UNDO_OBJECTS = [
  'my change', 'the change', 'that change', 'this change', 'my last change', 'the last change', 'last change',
  'my latest change', 'the latest change', 'my previous change', 'the previous change', 'my most recent change',
  'the most recent change', 'my recent change', 'the last thing', 'that last thing', 'what i did', 'what i just did',
  'my last action', 'the last action', 'the last edit', 'my last edit',
];
export const UNDO = [
  ...UNDO_VERBS.flatMap((v) => UNDO_OBJECTS.map((o) => `${v} ${o}`)),
  'undo', 'revert', 'roll back', 'rollback', 'reverse', 'undo that', 'undo it', 'undo this', 'revert that',
  'revert it', 'roll it back', 'roll that back', 'undo the last change', 'undo my last change', 'undo last change',
  'revert the last change', 'revert my last change', 'revert last change', 'roll back the last change',
  'undo the change', 'undo the previous change', 'reverse the last change', 'take that back', 'put it back',
  'roll back the last change', 'roll back the last external access change', 'revert the last external access change',
  'undo that last change', 'undo this last change', 'undo that change', 'revert that change', 'revert that last change',
  'roll back that change', 'revert the block', 'undo the block', 'revert the last block',
];

export const CONFIRM = [
  'yes', 'y', 'yeah', 'yep', 'yup', 'yes please', 'confirm', 'confirmed', 'i confirm', 'go ahead', 'do it',
  'proceed', 'apply it', 'apply', 'approve', 'approved', 'make it so', 'sounds good', 'go for it', 'ok do it',
  'yes do it', 'yes go ahead', 'yes confirm', 'sure', 'affirmative', 'correct', 'that is right', 'that\'s right',
  'ok', 'okay', 'alright',
];
/** Confirmation words that are also plain fillers ("ok, block x.com"): dropped when more was said. */
export const WEAK_CONFIRM = ['ok', 'okay', 'alright', 'sure', 'yes', 'yeah', 'yep', 'yup', 'y'];

export const CANCEL = [
  'no', 'n', 'nope', 'nah', 'cancel', 'cancel that', 'cancel it', 'stop', 'never mind', 'nevermind', 'nvm',
  'abort', 'forget it', 'forget that', 'don\'t', 'don\'t do it', 'do not', 'do not do it', 'no thanks',
  'no thank you', 'discard', 'discard it', 'scrap that', 'no cancel', 'no don\'t', 'not now', 'dismiss',
];
