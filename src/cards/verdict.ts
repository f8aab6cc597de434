import verdictTemplate from '../../cards/verdict.json';
import type { Check, CheckStatus, Outcome, Verdict } from '../policy/types';
import type { ExecuteAction } from './actions';
import { checkWords, settingLine } from './checkWords';
import { clip, show, SUMMARY_MAX } from './format';
import { nextStep, type Viewer } from './nextStep';
import { OUTCOME_WORDS, STATUS_MARK } from './symbols';
import { compileTemplate, type BoundCard } from './template';

export type { Viewer } from './nextStep';

export interface VerdictInput {
  verdict: Verdict;
  /** Ids of the organizations the viewer administers: their fixes become buttons. */
  viewerAdminOf: readonly string[];
  /** The viewer's organization and its admins, so a user is told whom to ask. */
  viewer?: Omit<Viewer, 'adminOf'>;
}

interface DecidingView {
  line: string;
  setting: string;
  hasStep: boolean;
  step: string;
  message: string;
  actions: ExecuteAction[];
}

interface VerdictData {
  fallbackText: string;
  headline: string;
  color: 'Good' | 'Attention' | 'Default';
  subtitle: string;
  /** The verdict's one line after its outcome words: the setting that decided it, and whose. */
  why: string;
  conversation: string;
  deciding: DecidingView[];
  directions: string;
  allTitle: string;
  groups: { heading: string; checks: { line: string; detail: string }[] }[];
  showNextSteps: boolean;
}

const expand = compileTemplate<VerdictData>(verdictTemplate);

/** Green and red only for the short outcome words; "Depends" stays in the default colour (yellow is hard to read). */
const COLORS: Record<Outcome, VerdictData['color']> = { reachable: 'Good', notReachable: 'Attention', depends: 'Default', internal: 'Default' };
/** At most this many checks lead the card; the rest are folded with the passing ones. */
const DECIDING_MAX = 2;
const RANK: Record<CheckStatus, number> = { failed: 0, unknown: 1, passed: 2 };

/** The words the card, its fallbackText and the activity summary all start with. */
export function outcomeHeadline(v: Verdict): string {
  if (v.outcome === 'internal') return 'Internal — external access does not apply';
  if (v.outcome === 'depends') return `Depends on ${v.dependsOn?.orgName ?? v.b.orgName}`;
  return OUTCOME_WORDS[v.outcome];
}

/** The checks that decide: failed ones first, then the unknown ones, each said once. */
function decidingChecks(v: Verdict): Check[] {
  const seen = new Set<string>();
  return v.checks
    .filter((c) => c.status !== 'passed')
    .sort((x, y) => RANK[x.status] - RANK[y.status])
    .filter((c) => {
      const key = `${c.id}|${c.orgName}|${c.side}|${checkWords(c, v)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function decidingView(c: Check, v: Verdict, viewer: Viewer): DecidingView {
  const step = nextStep(c, v, viewer);
  return {
    line: `${STATUS_MARK[c.status]} ${show(checkWords(c, v), 300)}`,
    setting: show(settingLine(c), 300),
    hasStep: step !== undefined,
    step: step ? show(step.text, 600) : ' ',
    message: step ? show(step.message, 600) : '',
    actions: step?.actions ?? [],
  };
}

/**
 * Card 2: can A reach B — the answer first, then the one or two checks that decide it in plain words
 * (setting name second) with the next step that fits the reader; every check, passing ones included,
 * folded behind "Show all checks".
 */
export function verdictCard({ verdict: v, viewerAdminOf, viewer = {} }: VerdictInput): BoundCard {
  const headline = outcomeHeadline(v);
  const summary = clip(v.summary.startsWith(headline) ? v.summary : `${headline} — ${v.summary}`, SUMMARY_MAX);
  const a = show(v.a.address, 120);
  const b = show(v.b.address, 120);
  const who: Viewer = { ...viewer, adminOf: viewerAdminOf };
  const deciding = decidingChecks(v).slice(0, DECIDING_MAX).map((c) => decidingView(c, v, who));
  const line = (c: Check) => ({ line: `${STATUS_MARK[c.status]} ${show(checkWords(c, v), 300)}`, detail: show(settingLine(c), 300) });
  const checks = (d: Check['direction']) => v.checks.filter((c) => c.direction === d).map(line);
  const groups = [
    { heading: `${a} starts: ${OUTCOME_WORDS[v.directions.aToB]}`, checks: checks('aToB') },
    { heading: `${b} starts: ${OUTCOME_WORDS[v.directions.bToA]}`, checks: checks('bToA') },
    { heading: 'Both directions', checks: checks('both') },
  ].filter((g) => g.checks.length > 0);
  const conversation =
    v.conversation === 'interop'
      ? 'Text-only 1:1 chat: one side uses Skype for Business (interop).'
      : v.conversation === 'native'
        ? 'Full Teams chat, calls and meetings (both sides TeamsOnly).'
        : v.conversation === 'personal'
          ? 'Chat and meetings with a personal (unmanaged) Teams account: no calls.'
          : '';
  // One line when both directions agree (the usual case); narrow Teams columns wrap long fact titles badly.
  const directions =
    v.outcome === 'internal'
      ? ''
      : v.directions.aToB === v.directions.bToA
        ? `Both directions: ${OUTCOME_WORDS[v.directions.aToB].toLowerCase()}.`
        : `${a} → ${b}: ${OUTCOME_WORDS[v.directions.aToB].toLowerCase()}.\n\n${b} → ${a}: ${OUTCOME_WORDS[v.directions.bToA].toLowerCase()}.`;
  return {
    card: expand({
      fallbackText: summary,
      headline: show(headline, 200),
      color: COLORS[v.outcome],
      subtitle: `${a} ↔ ${b}`,
      // A refusal's reasons are the deciding checks below; other outcomes say what decided in one line.
      why: v.outcome === 'notReachable' ? show(v.note ?? '', SUMMARY_MAX) : show(v.summary, SUMMARY_MAX),
      conversation,
      deciding,
      directions,
      allTitle: `Show all ${v.checks.length} checks`,
      groups,
      showNextSteps: v.outcome === 'reachable',
    }),
    summary,
  };
}
