import { z } from 'zod';
import { changeSchema } from '../policy/change';

/**
 * Everything a person can ask the bot, typed or from a card button.
 * A change here names its organization loosely (`orgRef`: an id, a name or a domain, or absent for
 * the sender's own); the bot resolves it before planning.
 */
const text = z.string().max(320);
const MEDIUM = z.enum(['chat', 'call', 'meet']);

/** Settings a history question can be about: keys of an organization's settings, and its policies. */
export const HISTORY_SETTINGS = [
  'allowFederatedUsers', 'domainMode', 'allowedDomains', 'blockedDomains', 'blockAllSubdomains', 'allowTeamsConsumer',
  'allowTeamsConsumerInbound', 'trialTenants', 'allowedTrialTenantDomains', 'policies',
] as const;


export const commandSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('change'),
    /** The change with `org` set to the raw reference ("" = the sender's own organization). */
    change: changeSchema,
  }),
  z.strictObject({ kind: z.literal('reach'), from: text.optional(), to: text, medium: MEDIUM.optional() }),
  z.strictObject({ kind: z.literal('domainStatus'), domain: text, orgRef: text.optional() }),
  /** `page` pages the rows (from 0) when many organizations are known. */
  z.strictObject({ kind: z.literal('whoCanWeTalkTo'), orgRef: text.optional(), page: z.number().int().min(0).max(100_000).optional() }),
  z.strictObject({ kind: z.literal('matrix'), page: z.number().int().min(0).max(10_000_000).optional() }),
  z.strictObject({
    kind: z.literal('showSettings'),
    orgRef: text.optional(),
    /** Paging of long lists on the state card. */
    list: z.enum(['allowed', 'blocked', 'trial']).optional(),
    page: z.number().int().min(0).max(1000).optional(),
  }),
  z.strictObject({ kind: z.literal('comparison'), edition: z.enum(['today', '2019']) }),
  z.strictObject({
    kind: z.literal('feature'),
    feature: z.string().max(80),
    /** Other rows the question names. */
    also: z.array(z.string().max(80)).max(3).optional(),
    /** Asked as what the domain rules cover ("does the allowed list apply to meetings?"). */
    about: z.literal('domainRules').optional(),
  }),
  /** A feature the comparison does not cover: said honestly, with the closest rows. */
  z.strictObject({ kind: z.literal('featureUnknown'), name: z.string().max(80), near: z.array(z.string().max(80)).max(3) }),
  /** "what happens if I block x.com?": the impact of a change, shown without changing anything. */
  z.strictObject({ kind: z.literal('whatIf'), change: changeSchema }),
  /**
   * "block x.com but not for meetings", "allow y.com for chat only": a change asked for some media. The
   * settings have no medium, so this is explained, with the whole change only offered as a preview.
   */
  z.strictObject({
    kind: z.literal('perMedium'),
    change: changeSchema,
    /** The media the change was asked for ("for chat only"). */
    only: z.array(MEDIUM).max(3),
    /** The media asked to be left out of it ("but not for meetings"). */
    except: z.array(MEDIUM).max(3),
  }),
  /** "how do I block a domain?": the admin-center path, the PowerShell and the chat command. */
  z.strictObject({ kind: z.literal('howto'), change: changeSchema.optional(), topic: z.enum(['domains', 'federation', 'perUser', 'consumer', 'trial']).optional() }),
  z.strictObject({ kind: z.literal('help') }),
  z.strictObject({ kind: z.literal('confirm') }),
  z.strictObject({ kind: z.literal('cancel') }),
  z.strictObject({ kind: z.literal('undo'), orgRef: text.optional(), entryId: z.string().max(100).optional() }),
  z.strictObject({
    kind: z.literal('history'),
    orgRef: text.optional(),
    page: z.number().int().min(0).max(100000).optional(),
    /** "who changed X?": only the entries that touched this setting (a key of the settings, or "policies"). */
    setting: z.enum(HISTORY_SETTINGS).optional(),
  }),
]);
export type Command = z.infer<typeof commandSchema>;
export type CommandKind = Command['kind'];

export type ParseResult =
  | { ok: true; command: Command; /** Things the reader should be told, e.g. "I read contoso.com from the link." */ notes: string[] }
  | {
      ok: false;
      reason: string;
      /** Closest commands, as canonical phrasings a button can send. */
      suggestions: string[];
      /** What was understood when something was ("Not done: block x.com"); absent when nothing was. */
      title?: string;
    };
