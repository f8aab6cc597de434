import type { KeySet } from '../key-set';
import type { Organization, OrgSettings } from '../model';
import { nextList } from '../model-index';
import type { PlanWarning } from '../types';

/**
 * What a change step sees: the organization before the change, and where it records warnings. Nothing
 * else: a step depends on its organization alone, so its outcome can be kept per organization object.
 */
export interface ApplyContext {
  org: Organization;
  settings: OrgSettings;
  /** The organization's own domains (normalized). */
  own: KeySet;
  warn(code: PlanWarning['code'], message: string): void;
}

/** The organization after a step, or why the change cannot be made. */
export type StepResult = { ok: true; org: Organization; summary: string } | { ok: false; reason: string };

export const refuse = (reason: string): StepResult => ({ ok: false, reason });

export function withSettings(ctx: ApplyContext, patch: Partial<OrgSettings>, summary: string): StepResult {
  const settings: OrgSettings = { ...ctx.settings, ...patch };
  // New domain lists are frozen and tied to the list they were made from (see nextList).
  for (const key of LIST_SETTINGS) {
    const list = settings[key];
    if (Array.isArray(list)) settings[key] = nextList(list, ctx.settings[key] ?? []) as string[];
  }
  return { ok: true, org: { ...ctx.org, settings }, summary };
}

const LIST_SETTINGS = ['allowedDomains', 'blockedDomains', 'allowedTrialTenantDomains'] as const satisfies readonly (keyof OrgSettings)[];
