import { displayDomain } from '../domain';
import { appended } from '../list-middle';
import { MODE_LABELS } from '../labels';
import { DOMAIN_LIST_LIMIT } from '../model';
import { domainSet, withoutDomains } from '../model-index';
import type { DomainMode } from '../model';
import { shownList } from './domain-input';
import { refuse, withSettings } from './context';
import type { ApplyContext, StepResult } from './context';

/** Warn about, and drop, own domains and entries already (or not) on the list. */
function sift(ctx: ApplyContext, domains: readonly string[], list: readonly string[], listName: string, want: 'absent' | 'present'): string[] {
  const on = domainSet(list);
  const kept: string[] = [];
  for (const d of domains) {
    if (ctx.own.has(d)) {
      ctx.warn('ownDomain', `${displayDomain(d)} is a domain of ${ctx.org.name}: external access does not apply to it, so it is left out.`);
    } else if (want === 'absent' && on.has(d)) {
      ctx.warn('alreadyListed', `${displayDomain(d)} is already on the ${listName} list.`);
    } else if (want === 'present' && !on.has(d)) {
      ctx.warn('notListed', `${displayDomain(d)} is not on the ${listName} list.`);
    } else kept.push(d);
  }
  return kept;
}

/**
 * Refuse beyond Microsoft's limit (Teams would reject it); warn when close to it. The limit is per
 * list: the Set-CsTenantFederationConfiguration reference gives AllowedDomains and BlockedDomains
 * "up to 4,000 domains" each.
 */
function checkLimit(ctx: ApplyContext, name: 'allowed' | 'blocked', list: readonly string[]): string | undefined {
  const n = (x: number): string => x.toLocaleString('en-US');
  if (list.length > DOMAIN_LIST_LIMIT) return `Teams holds at most ${n(DOMAIN_LIST_LIMIT)} domains in the ${name} list (the limit is per list); this would make ${n(list.length)}. Nothing changed.`;
  if (list.length >= DOMAIN_LIST_LIMIT * 0.9) ctx.warn('listLimit', `The ${name} list holds ${n(list.length)} of at most ${n(DOMAIN_LIST_LIMIT)} domains.`);
  return undefined;
}

const notInEffect = (ctx: ApplyContext, list: 'allowed' | 'blocked', mode: DomainMode, extra = ''): void =>
  ctx.warn('notInEffect', `The ${list} list is not in effect while ${ctx.org.name} uses "${MODE_LABELS[mode]}": the entries are stored but change nothing now.${extra}`);

export function addBlocked(ctx: ApplyContext, domains: readonly string[]): StepResult {
  const s = ctx.settings;
  const fresh = sift(ctx, domains, s.blockedDomains, 'blocked', 'absent');
  const blockedDomains = appended(s.blockedDomains, fresh);
  const over = checkLimit(ctx, 'blocked', blockedDomains);
  if (over) return refuse(over);
  let mode = s.domainMode;
  if (fresh.length > 0 && mode === 'allowAll') mode = 'blockSpecific';
  if (fresh.length > 0 && (mode === 'allowSpecific' || mode === 'blockAll')) {
    const allowedNow = mode === 'allowSpecific' ? fresh.filter((d) => domainSet(s.allowedDomains).has(d)) : [];
    notInEffect(ctx, 'blocked', mode, allowedNow.length ? ` ${shownList(allowedNow)} stays allowed: remove it from the allowed domains to block it.` : '');
  }
  return withSettings(ctx, { domainMode: mode, blockedDomains }, fresh.length === 0 ? `Nothing to block for ${ctx.org.name}.` : `Block ${shownList(fresh)} for ${ctx.org.name}${mode !== s.domainMode ? ` (switches to "${MODE_LABELS[mode]}": every other domain stays allowed)` : ''}.`);
}

export function removeBlocked(ctx: ApplyContext, domains: readonly string[]): StepResult {
  const s = ctx.settings;
  const gone = new Set(sift(ctx, domains, s.blockedDomains, 'blocked', 'present'));
  const blockedDomains = withoutDomains(s.blockedDomains, gone);
  // An empty block list in block-specific mode allows everything: say so by returning to allow-all.
  const mode: DomainMode = s.domainMode === 'blockSpecific' && blockedDomains.length === 0 ? 'allowAll' : s.domainMode;
  if (gone.size > 0 && s.domainMode !== 'blockSpecific') {
    notInEffect(ctx, 'blocked', s.domainMode, s.domainMode === 'allowSpecific' ? ' To let a domain in, allow it.' : '');
  }
  return withSettings(ctx, { domainMode: mode, blockedDomains }, gone.size === 0 ? `Nothing to unblock for ${ctx.org.name}.` : `Unblock ${shownList([...gone])} for ${ctx.org.name}${mode !== s.domainMode ? ` (the block list is empty: back to "${MODE_LABELS[mode]}")` : ''}.`);
}

/** Allow-list mode: adding to the list switches an open or block-list organization to it. */
function toAllowSpecific(ctx: ApplyContext, allowedDomains: string[], carried: readonly string[], summary: string): StepResult {
  const s = ctx.settings;
  const over = checkLimit(ctx, 'allowed', allowedDomains);
  if (over) return refuse(over);
  if (s.domainMode !== 'allowSpecific') {
    ctx.warn('blocksEveryone', `This switches ${ctx.org.name} from "${MODE_LABELS[s.domainMode]}" to "${MODE_LABELS.allowSpecific}": every external domain not on the allowed list is blocked.`);
    if (carried.length > 0) ctx.warn('notInEffect', `Stored allowed domains ${shownList(carried)} come into effect too.`);
    if (s.blockedDomains.length > 0) ctx.warn('notInEffect', `The blocked list (${s.blockedDomains.length} domain(s)) stays stored but is not in effect with an allow list.`);
  }
  if (allowedDomains.length === 0) ctx.warn('blocksEveryone', `The allowed list is empty: ${ctx.org.name} can talk to no external domain.`);
  return withSettings(ctx, { domainMode: 'allowSpecific', allowedDomains }, summary);
}

export function addAllowed(ctx: ApplyContext, domains: readonly string[]): StepResult {
  const s = ctx.settings;
  const fresh = sift(ctx, domains, s.allowedDomains, 'allowed', 'absent');
  if (fresh.length === 0) return withSettings(ctx, {}, `Nothing to allow for ${ctx.org.name}.`);
  return toAllowSpecific(ctx, appended(s.allowedDomains, fresh), s.allowedDomains, `Allow ${shownList(fresh)} for ${ctx.org.name}.`);
}

export function allowOnly(ctx: ApplyContext, domains: readonly string[]): StepResult {
  const kept = domains.filter((d) => {
    if (!ctx.own.has(d)) return true;
    ctx.warn('ownDomain', `${displayDomain(d)} is a domain of ${ctx.org.name}: external access does not apply to it, so it is left out.`);
    return false;
  });
  return toAllowSpecific(ctx, kept, [], `Allow only ${shownList(kept)} for ${ctx.org.name}.`);
}

export function removeAllowed(ctx: ApplyContext, domains: readonly string[]): StepResult {
  const s = ctx.settings;
  const gone = new Set(sift(ctx, domains, s.allowedDomains, 'allowed', 'present'));
  const allowedDomains = withoutDomains(s.allowedDomains, gone);
  if (gone.size > 0 && s.domainMode !== 'allowSpecific') notInEffect(ctx, 'allowed', s.domainMode);
  if (gone.size > 0 && s.domainMode === 'allowSpecific' && allowedDomains.length === 0) {
    ctx.warn('blocksEveryone', `The allowed list becomes empty: ${ctx.org.name} can talk to no external domain ("${MODE_LABELS.allowSpecific}" with none listed blocks all).`);
  }
  return withSettings(ctx, { allowedDomains }, gone.size === 0 ? `Nothing to remove from the allowed domains of ${ctx.org.name}.` : `Remove ${shownList([...gone])} from the allowed domains of ${ctx.org.name}.`);
}
