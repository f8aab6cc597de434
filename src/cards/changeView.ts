import changeTemplate from '../../cards/change.json';
import type { DiffLine, Impact, PlanWarning } from '../policy/types';
import type { ExecuteAction } from './actions';
import { count, show } from './format';
import { OUTCOME_WORDS } from './symbols';
import { compileTemplate } from './template';

/** Long lists in a diff (an allow list of 4,000 domains) are cut so the message stays small. */
const DIFF_TEXT_MAX = 600;
const IMPACT_MAX = 20;

export interface ChangeData {
  fallbackText: string;
  title: string;
  color: 'Default' | 'Good' | 'Attention' | 'Warning';
  subtitle: string;
  summary: string;
  diffHeading: string;
  diff: DiffLine[];
  impactHeading: string;
  impact: { text: string; color: 'Good' | 'Attention' }[];
  warnings: string[];
  /** Where the change lives (the bot's store) and what applies it in Teams. */
  store: string;
  footnote: string;
  actions: ExecuteAction[];
}

/** The preview and the result share one template: what changes, who is affected, warnings, buttons. */
export const expandChange = compileTemplate<ChangeData>(changeTemplate);

export function diffView(diff: readonly DiffLine[]): DiffLine[] {
  return diff.map((d) => ({
    label: show(d.label, 120),
    before: show(d.before === '' ? '(none)' : d.before, DIFF_TEXT_MAX),
    after: show(d.after === '' ? '(none)' : d.after, DIFF_TEXT_MAX),
  }));
}

/**
 * Pairs of strings as a map of sets, not a set of joined keys: the labels and ids are strings the
 * model already holds (their hashes are cached), where 10,000 joined keys are 10,000 new strings to
 * build and hash on every preview of a change to the master switch.
 */
class Pairs {
  readonly #to = new Map<string, Set<string>>();
  size = 0;

  add(a: string, b: string): void {
    let set = this.#to.get(a);
    if (!set) this.#to.set(a, (set = new Set()));
    if (!set.has(b)) {
      set.add(b);
      this.size++;
    }
  }

  has(a: string, b: string): boolean {
    return this.#to.get(a)?.has(b) === true;
  }
}

/** The rows of an impact list (from → to), to tell whether a row's reverse direction is listed too. */
function rowsOf(impact: readonly Impact[]): Pairs {
  const rows = new Pairs();
  for (const i of impact) rows.add(i.fromLabel, i.toLabel);
  return rows;
}

/**
 * Who gains or loses reachability, each pair once: the policy lists the reverse direction only when it
 * differs, so a row without its reverse is said as "both directions". The heading counts them
 * ("1 organization, both directions"). A change of the master switch at 10,000 organizations lists
 * 10,000 rows: only the lines shown are built, and the rows are looked through once for the count.
 */
export function impactView(impact: readonly Impact[]): { heading: string; lines: ChangeData['impact'] } {
  const rows = rowsOf(impact);
  const lines = impact.slice(0, IMPACT_MAX).map((i) => {
    const both = !rows.has(i.toLabel, i.fromLabel);
    return {
      text: `${i.kind === 'loses' ? '✗' : '✓'} ${show(i.fromLabel, 120)} ${both ? '↔' : '→'} ${show(i.toLabel, 120)}: ${i.kind === 'loses' ? 'loses' : 'gains'} reachability${both ? ', both directions' : ', this direction only'} (${OUTCOME_WORDS[i.before]} → ${OUTCOME_WORDS[i.after]})`,
      color: i.kind === 'loses' ? ('Attention' as const) : ('Good' as const),
    };
  });
  if (impact.length > IMPACT_MAX) lines.push({ text: `…and ${(impact.length - IMPACT_MAX).toLocaleString('en-US')} more.`, color: 'Attention' });
  return { heading: impact.length === 0 ? '' : `Who is affected: ${impactCount(impact, rows)}`, lines };
}

/** "1 organization, both directions", "2 organizations and 1 person". */
export function impactCount(impact: readonly Impact[], rows: Pairs = rowsOf(impact)): string {
  const others = new Pairs();
  const people = new Set<string>();
  let oneWay = false;
  for (const i of impact) {
    if (!oneWay && rows.has(i.toLabel, i.fromLabel)) oneWay = true;
    const person = i.fromLabel.includes('@') ? i.fromLabel : i.toLabel.includes('@') ? i.toLabel : undefined;
    if (person !== undefined) people.add(person);
    else if (i.fromOrgId < i.toOrgId) others.add(i.fromOrgId, i.toOrgId);
    else others.add(i.toOrgId, i.fromOrgId);
  }
  const parts = [others.size > 0 ? count(others.size, 'organization') : '', people.size > 0 ? count(people.size, 'person', 'people') : ''].filter((p) => p !== '');
  return `${parts.join(' and ')}, ${oneWay ? 'some in one direction only' : 'both directions'}`;
}

/** The delay Teams takes, without a date: it runs from when the tenant is changed, not from now. */
export function delayWords(warnings: readonly PlanWarning[]): string {
  const w = warnings.find((x) => x.code === 'delay');
  return w ? w.message.replace(/;.*$/, '').replace(/\.$/, '') : '';
}

/** Warnings other than the Teams delay, which each card states once in its own words. */
export function warningView(warnings: readonly PlanWarning[]): string[] {
  return warnings.filter((w) => w.code !== 'delay').map((w) => `⚠ ${show(w.message)}`);
}
