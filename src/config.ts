import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './ops/logger';
import { isObjectId } from './policy/organizations';

/**
 * Configuration from the environment. Only this module (called by the composition root) reads
 * `process.env`; everything else receives a `Config`.
 */
const commaList = (s: string): string[] => s.split(',').map((x) => x.trim().toLowerCase()).filter((x) => x !== '');

/** Admins as sign-in addresses or Entra object ids (GUIDs, what Teams proves about a sender). */
const adminList = z
  .string()
  .default('')
  .transform((s, ctx) => {
    const items = commaList(s);
    const bad = items.find((x) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(x) && !isObjectId(x));
    if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `"${bad}" is neither an email address nor an Entra object id (GUID)` });
    return items;
  });

const channelList = z
  .string()
  .default('')
  .transform((s, ctx) => {
    const items = commaList(s);
    const bad = items.find((x) => !/^[a-z0-9._-]+$/.test(x));
    if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `"${bad}" is not a channel id (like "webchat" or "directline")` });
    return items;
  });

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().regex(/^[0-9A-Za-z.:%_-]+$/, 'must be an interface address or host name, like 127.0.0.1 or 0.0.0.0').optional(),
  TRUSTED_CHANNELS: channelList,
  POLICY_DB: z.string().min(1).default('data/policy.json'),
  DATABASE_URL: z
    .string()
    .refine((s) => /^postgres(ql)?:\/\/[^\s]+$/.test(s) && URL.canParse(s), 'must be a PostgreSQL URL, like postgres://user:password@host:5432/database')
    .optional(),
  BOT_ADMINS: adminList,
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  METRICS: z.enum(['on', 'off']).default('on'),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI', '']).default(''),
  MicrosoftAppId: z.string().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppTenantId: z.string().default(''),
});

export interface Config {
  port: number;
  /** Interface to bind; undefined binds every interface (only when authentication is on, or HOST says so). */
  host: string | undefined;
  /** No app id: authentication is off (Emulator, Agents Playground, tests). */
  localMode: boolean;
  policyDb: string;
  /** PostgreSQL (`DATABASE_URL`): when set, the store lives there and `policyDb` is not used. */
  databaseUrl: string | undefined;
  /** Addresses and Entra object ids (lower case). */
  botAdmins: string[];
  /** Channels other than Teams whose from.id is a sign-in address the channel vouches for (production only). */
  trustedChannels: string[];
  /** debug shows message text and addresses; info and above never do. */
  logLevel: LogLevel;
  /** `GET /metrics` served (METRICS=on, the default). */
  metrics: boolean;
  auth: {
    MicrosoftAppType: string;
    MicrosoftAppId: string;
    MicrosoftAppPassword: string;
    MicrosoftAppTenantId: string;
  };
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; error: string };

/** Parses an environment (a plain record, so tests pass their own). Empty strings count as unset. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    return { ok: false, error: `config: ${name}: ${issue?.message ?? 'invalid value'}` };
  }
  const e = parsed.data;
  if (e.MicrosoftAppId !== '' && e.MicrosoftAppType === 'SingleTenant' && e.MicrosoftAppTenantId === '') {
    return { ok: false, error: 'config: MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant' };
  }
  if (e.MicrosoftAppId !== '' && e.MicrosoftAppType !== 'UserAssignedMSI' && e.MicrosoftAppPassword === '') {
    return { ok: false, error: 'config: MicrosoftAppPassword: required when MicrosoftAppId is set' };
  }
  const localMode = e.MicrosoftAppId === '';
  return {
    ok: true,
    config: {
      port: e.PORT,
      // Without authentication anyone who can reach the port can act as anyone: stay on this machine.
      host: e.HOST ?? (localMode ? '127.0.0.1' : undefined),
      localMode,
      policyDb: e.POLICY_DB,
      databaseUrl: e.DATABASE_URL,
      botAdmins: e.BOT_ADMINS,
      trustedChannels: e.TRUSTED_CHANNELS,
      logLevel: e.LOG_LEVEL,
      metrics: e.METRICS === 'on',
      auth: {
        MicrosoftAppType: e.MicrosoftAppType === '' ? 'MultiTenant' : e.MicrosoftAppType,
        MicrosoftAppId: e.MicrosoftAppId,
        MicrosoftAppPassword: e.MicrosoftAppPassword,
        MicrosoftAppTenantId: e.MicrosoftAppTenantId,
      },
    },
  };
}

/** The composition root's entry: `.env` (if present) under the real environment. */
export function loadConfig(): ConfigResult {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('dotenv').config({ quiet: true });
  return parseConfig(process.env);
}
