import verdictTemplate from '../../cards/verdict.json';
import type { Check, Outcome, Verdict } from '../policy/types';
import { runAction, type ExecuteAction } from './actions';
import { clip, show, SUMMARY_MAX } from './format';
import { OUTCOME_WORDS, STATUS_MARK } from './symbols';
import { compileTemplate, type BoundCard } from './template';

export interface VerdictInput {
  verdict: Verdict;
  /** Ids of the organizations the viewer administers: their fixes become buttons. */
  viewerAdminOf: readonly string[];
}

interface CheckView {
  line: string;
  detail: string;
  hasFix: boolean;
  fixText: string;
  code: string;
  actions: ExecuteAction[];
}

interface VerdictData {
  fallbackText: string;
  headline: string;
  color: 'Good' | 'Attention' | 'Warning' | 'Default';
  subtitle: string;
  /** The verdict's one line after its outcome words: the setting that decided it, and whose. */
  why: string;
  conversation: string;
  groups: { heading: string; checks: CheckView[] }[];
  showNextSteps: boolean;
}

const expand = compileTemplate<VerdictData>(verdictTemplate);

const COLORS: Record<Outcome, VerdictData['color']> = { reachable: 'Good', notReachable: 'Attention', depends: 'Warning', internal: 'Default' };

/** The words the card, its fallbackText and the activity summary all start with. */
export function outcomeHeadline(v: Verdict): string {
  if (v.outcome === 'internal') return 'Internal — external access does not apply';
  if (v.outcome === 'depends') return `Depends on ${v.dependsOn?.orgName ?? v.b.orgName}`;
  return OUTCOME_WORDS[v.outcome];
}

function checkView(c: Check, adminOf: readonly string[]): CheckView {
  const fix = c.status !== 'passed' ? c.fix : undefined;
  const base = { line: `${STATUS_MARK[c.status]} ${show(c.orgName, 120)} · ${show(c.setting, 120)}`, detail: `Needs: ${show(c.needs)}. Found: ${show(c.found)}.` };
  if (!fix) return { ...base, hasFix: false, fixText: ' ', code: '', actions: [] };
  const canFix = fix.change !== undefined && fix.orgId !== undefined && adminOf.includes(fix.orgId);
  if (canFix && fix.change) {
    return { ...base, hasFix: true, fixText: `Fix: ${show(fix.summary)}`, code: '', actions: [runAction(`Fix ${c.setting} in ${fix.orgName ?? c.orgName}`, { kind: 'change', change: fix.change }, 'positive')] };
  }
  const who = fix.who === 'user' ? '' : `Ask an admin of ${show(fix.orgName ?? c.orgName, 120)}: `;
  const code = [
    fix.command ? `In this bot: ${fix.command}` : '',
    fix.adminCenter ? `Admin center: ${fix.adminCenter}` : '',
    fix.powershell ? `PowerShell: ${fix.powershell}` : '',
  ].filter((l) => l !== '');
  return { ...base, hasFix: true, fixText: `${who}${show(fix.summary)}`, code: code.map((l) => show(l, 600)).join('\n\n'), actions: [] };
}

/** Card 2: can A reach B — the outcome first, then both directions, every check and its fix. */
export function verdictCard({ verdict: v, viewerAdminOf }: VerdictInput): BoundCard {
  const headline = outcomeHeadline(v);
  const summary = clip(v.summary.startsWith(headline) ? v.summary : `${headline} — ${v.summary}`, SUMMARY_MAX);
  const a = show(v.a.address, 120);
  const b = show(v.b.address, 120);
  const checks = (d: Check['direction']) => v.checks.filter((c) => c.direction === d).map((c) => checkView(c, viewerAdminOf));
  const groups = [
    { heading: `${a} → ${b}: ${OUTCOME_WORDS[v.directions.aToB]}`, checks: checks('aToB') },
    { heading: `${b} → ${a}: ${OUTCOME_WORDS[v.directions.bToA]}`, checks: checks('bToA') },
    { heading: 'Both directions', checks: checks('both') },
  ].filter((g) => g.checks.length > 0 || (v.outcome !== 'internal' && g.heading !== 'Both directions'));
  const conversation =
    v.conversation === 'interop'
      ? 'Text-only 1:1 chat: one side uses Skype for Business (interop).'
      : v.conversation === 'native'
        ? 'Full Teams chat, calls and meetings (both sides TeamsOnly).'
        : v.conversation === 'personal'
          ? 'Chat and meetings with a personal (unmanaged) Teams account: no calls.'
          : '';
  return {
    card: expand({
      fallbackText: summary,
      headline: show(headline, 200),
      color: COLORS[v.outcome],
      subtitle: `${a} ↔ ${b}`,
      why: show(v.summary, SUMMARY_MAX),
      conversation,
      groups,
      showNextSteps: v.outcome === 'reachable',
    }),
    summary,
  };
}
