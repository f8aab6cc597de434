import type { Context } from '../context';
import { domainList } from '../context';
import { alt } from '../pattern';
import { ALLOW, BLOCK, STATE_OFF, STATE_ON, TURN_OFF, TURN_ON } from '../vocabulary/verbs';
import { CONSUMER, EVERY, FEDERATION, INBOUND } from '../vocabulary/nouns';
import type { UserPolicy } from '../../policy/model';
import { LIST } from './slots';

export type PolicySettings = Partial<Omit<UserPolicy, 'name'>>;
type Piece = { source: string; read(g: Record<string, string | undefined>, ctx: Context): PolicySettings | string };

const ON = `(?<on>${alt([...TURN_ON, ...ALLOW, 'give'])})`;
const OFF = `(?<off>${alt([...TURN_OFF, ...BLOCK, 'remove'])})`;
const STATE = `(?:set )?(?:to )?(?:(?<on>${alt(STATE_ON)})|(?<off>${alt(STATE_OFF)}))`;
const on = (g: Record<string, string | undefined>): boolean => g.on !== undefined;

/**
 * One setting of a policy, said either as an instruction ("turn off external access") or as a
 * description ("external access off", "no external access"). Order: more specific first.
 */
const PIECES: Piece[] = [
  { source: `(?:${ON}|${OFF}) (?:the )?${alt(INBOUND)} (?:from|by) ${alt(CONSUMER)}`, read: (g) => ({ enableTeamsConsumerInbound: on(g) }) },
  { source: `${alt(INBOUND)} (?:from|by) ${alt(CONSUMER)} ${STATE}`, read: (g) => ({ enableTeamsConsumerInbound: on(g) }) },
  { source: `(?:${ON}|${OFF}) (?:the )?${alt(FEDERATION)}`, read: (g) => ({ enableFederationAccess: on(g) }) },
  { source: `${alt(FEDERATION)} ${STATE}`, read: (g) => ({ enableFederationAccess: on(g) }) },
  { source: `(?<off>no|without) ${alt(FEDERATION)}`, read: () => ({ enableFederationAccess: false }) },
  { source: `(?:${ON}|${OFF}) (?:the )?${alt(CONSUMER)}`, read: (g) => ({ enableTeamsConsumerAccess: on(g) }) },
  { source: `${alt(CONSUMER)} (?:access )?${STATE}`, read: (g) => ({ enableTeamsConsumerAccess: on(g) }) },
  { source: `(?<off>no|without) ${alt(CONSUMER)}`, read: () => ({ enableTeamsConsumerAccess: false }) },
  { source: `${alt(BLOCK)} ${alt(EVERY)}|${alt(EVERY)} blocked`, read: () => ({ communicationWithExternalOrgs: 'BlockAllExternalDomains' }) },
  { source: `${alt(ALLOW)} ${alt(EVERY)}|${alt(EVERY)} allowed`, read: () => ({ communicationWithExternalOrgs: 'AllowAllExternalDomains' }) },
  { source: '(?:use )?(?:the )?(?:organization|org|tenant|organization\'s)(?: default| defaults| settings)', read: () => ({ communicationWithExternalOrgs: 'OrganizationDefault' }) },
  {
    source: `(?:allow only|only allow|allowing only|allows only|only allowing) (?:the )?(?:domains? )?(?<list>${LIST})`,
    read: (g, ctx) => {
      const r = domainList(ctx, g.list, () => '');
      if (r === undefined) return `“${g.list ?? ''}” is not a list of domains.`;
      return r.ok ? { communicationWithExternalOrgs: 'AllowSpecificExternalDomains', allowedExternalDomains: r.domains } : r.problem;
    },
  },
  {
    source: `(?:block only|only block|blocking only|blocks only|only blocking) (?:the )?(?:domains? )?(?<list>${LIST})`,
    read: (g, ctx) => {
      const r = domainList(ctx, g.list, () => '');
      if (r === undefined) return `“${g.list ?? ''}” is not a list of domains.`;
      return r.ok ? { communicationWithExternalOrgs: 'BlockSpecificExternalDomains', blockedExternalDomains: r.domains } : r.problem;
    },
  },
];
const LEAD = '(?:(?:please|to|so|so that|that|with|where|having|has|it|:|and|,|then|also|users|can|set|turn|make) )*';
/** Every regex source of a setting, so the tokenizer knows their words are vocabulary. */
export const SETTING_SOURCES: readonly string[] = [LEAD, ...PIECES.map((p) => p.source)];
const COMPILED = PIECES.map((p) => ({ re: new RegExp(`^${LEAD}(?:${p.source})(?= |$)`, 'u'), read: p.read }));
const unread = (rest: string): string =>
  `I couldn't read "${rest.replace(/#[denq]\d+/g, '…')}" as a policy setting; I haven't changed anything.`;
const SEPARATOR = /^(?: ,| and| , and| ;)*/;

/**
 * Reads a whole clause of policy settings; every word must belong to a setting, otherwise the
 * clause is refused with the part that was not understood (never a partial policy).
 */
export function readPolicySettings(clause: string, ctx: Context): { ok: true; settings: PolicySettings } | { ok: false; reason: string } {
  let rest = clause.trim();
  const settings: PolicySettings = {};
  while (rest !== '') {
    const hit = COMPILED.map((c) => ({ m: c.re.exec(rest), read: c.read })).find((x) => x.m !== null);
    if (hit === undefined || hit.m === null) return { ok: false, reason: unread(rest) };
    const value = hit.read(hit.m.groups ?? {}, ctx);
    if (typeof value === 'string') return { ok: false, reason: value };
    for (const key of Object.keys(value) as (keyof PolicySettings)[]) {
      if (key in settings) return { ok: false, reason: 'The same policy setting is given twice.' };
    }
    Object.assign(settings, value);
    rest = rest.slice(hit.m[0].length).replace(SEPARATOR, '').trim();
  }
  return Object.keys(settings).length > 0 ? { ok: true, settings } : { ok: false, reason: unread(clause) };
}
