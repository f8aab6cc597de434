import { z } from 'zod';

/**
 * Configuration from the environment. Only this module (called by the composition root) reads
 * `process.env`; everything else receives a `Config`.
 */
const addressList = z
  .string()
  .default('')
  .transform((s, ctx) => {
    const items = s.split(',').map((x) => x.trim().toLowerCase()).filter((x) => x !== '');
    const bad = items.find((x) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(x));
    if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `"${bad}" is not an email address` });
    return items;
  });

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  POLICY_DB: z.string().min(1).default('data/policy.json'),
  BOT_ADMINS: addressList,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI', '']).default(''),
  MicrosoftAppId: z.string().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppTenantId: z.string().default(''),
});

export interface Config {
  port: number;
  policyDb: string;
  botAdmins: string[];
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
  return {
    ok: true,
    config: {
      port: e.PORT,
      policyDb: e.POLICY_DB,
      botAdmins: e.BOT_ADMINS,
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
