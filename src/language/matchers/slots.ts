import { DOMAIN, EMAIL, ENTITY, NAME } from '../pattern';

/**
 * A lone unknown word: a mistyped domain ("contoso") or a policy name. The tokenizer marks words no
 * vocabulary or pattern knows with "~", so this never matches a command word (a lookahead over the
 * whole vocabulary did the same 30 times slower).
 */
export const BARE = '~[^ ]+';
/** The word behind a BARE match. */
export const bareWord = (slot: string): string => slot.replace(/^~/, '');
const ITEM = `(?:${ENTITY}|${BARE})`;
/** "a.com", "a.com , b.com and c.com", "a.com b.com". */
export const LIST = `${ITEM}(?:(?: ,| and| &| , and)+ ${ITEM}| ${DOMAIN}| ${EMAIL})*`;
/** An explicit organization: "for contosowest.com", "in Contoso West", "at the Contoso West tenant". */
export const ORG = `(?: (?:for|in|at|on) (?:the )?(?:organization |org |tenant |company )?(?<org>${DOMAIN}|${NAME})(?: (?:organization|org|tenant|company))?)?`;
/**
 * The same, also taking one unknown word after "for" or "in" ("for contosowest", "for fabrikan"),
 * for questions only: a mistyped or joined name is then answered as a name not found, with the
 * nearest known ones, not silently as the sender's own organization. Never for a change ("block
 * x.com for rob" is asked about), never after "on" ("what is allowed on mobile").
 */
export const ORG_OR_WORD = ORG.replace(`${NAME})`, `${NAME}|(?<=(?:for|in) )(?!~(?:ours|mine|yours|theirs)(?: |$))${BARE})`);
/** A policy name: a name, quoted text or a lone unreserved word. */
export const POLICY_NAME = `(?:${NAME}|#q\\d+|${BARE})`;
export const PERSON = EMAIL;
