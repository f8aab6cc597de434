import historyTemplate from '../../cards/history.json';
import type { AuditEntry, HistoryPage } from '../store/types';
import { runAction, type ExecuteAction } from './actions';
import { auditWords } from './auditWords';
import { clip, count, show, SUMMARY_MAX, when, whenPlain } from './format';
import { compileTemplate, type BoundCard } from './template';

export interface HistoryInput {
  orgId: string;
  orgName: string;
  /** Newest first; `page` counts from 0. */
  page: HistoryPage;
  /** The viewer administers the organization: Undo on the latest change. */
  canAct: boolean;
  /** The organization's latest change; defaults to the first entry of page 0. */
  latestEntryId?: string;
}

interface EntryView {
  what: string;
  byline: string;
  request: string;
  changes: string;
  actions: ExecuteAction[];
}

interface HistoryData {
  fallbackText: string;
  title: string;
  subtitle: string;
  empty: string;
  entries: EntryView[];
  pager: ExecuteAction[];
}

const expand = compileTemplate<HistoryData>(historyTemplate);
const CHANGES_PER_ENTRY = 6;

function changesText(e: AuditEntry): string {
  const paths = [...new Set([...e.touched, ...Object.keys(e.before), ...Object.keys(e.after)])];
  const lines = paths.slice(0, CHANGES_PER_ENTRY).map((p) => {
    const { label, before, after } = auditWords(e, p);
    return `${show(label, 80)}: ${show(before)} → ${show(after)}`;
  });
  if (paths.length > CHANGES_PER_ENTRY) lines.push(`…and ${paths.length - CHANGES_PER_ENTRY} more settings`);
  return lines.join('\n\n');
}

/**
 * What the person did, in words: the bot records a button press as "[button] <verb> <kind>" and an
 * example as "[example] <text>" (for the audit log); a reader sees "Pressed a button".
 */
function requestWords(request: string): string {
  if (request === '') return '';
  const example = /^\[example\] (.*)$/s.exec(request);
  if (example) return `Pressed the example “${show(example[1] ?? '', 200)}”`;
  if (request.startsWith('[button]')) return 'Pressed a button on a card';
  return `Asked: “${show(request, 200)}”`;
}

/** Card 5: one page of the audit log — who, when, what, before → after; Undo on the latest. */
export function historyCard(input: HistoryInput): BoundCard {
  const { page: p, orgId } = input;
  const pages = Math.max(1, Math.ceil(p.total / Math.max(1, p.pageSize)));
  const latest = input.latestEntryId ?? (p.page === 0 ? p.entries[0]?.id : undefined);
  const byId = new Map(p.entries.map((e) => [e.id, e]));
  // An undo says what it undid: the undone entry's summary when it is on this page.
  const undid = (e: AuditEntry): string => {
    const undone = e.undoes !== undefined ? byId.get(e.undoes) : undefined;
    return undone ? `↶ Undid: ${show(undone.summary, 300)}` : `↶ Undid an earlier change: ${show(e.summary, 300)}`;
  };
  const entries = p.entries.map((e): EntryView => ({
    what: e.undoes ? undid(e) : show(e.summary, 300),
    byline: `${when(e.time)} · ${show(e.actor.displayName ?? e.actor.address, 120)}`,
    request: requestWords(e.request),
    changes: changesText(e),
    actions:
      input.canAct && e.id === latest
        ? [e.undoes ? runAction('Make that change again', { kind: 'undo', orgRef: orgId, entryId: e.id }) : runAction('Undo this change', { kind: 'undo', orgRef: orgId, entryId: e.id }, 'destructive')]
        : [],
  }));
  const pager: ExecuteAction[] = [];
  if (p.page > 0) pager.push(runAction('Newer', { kind: 'history', orgRef: orgId, page: p.page - 1 }));
  if ((p.page + 1) * p.pageSize < p.total) pager.push(runAction('Older', { kind: 'history', orgRef: orgId, page: p.page + 1 }));
  const newest = p.entries[0];
  const summary =
    p.total === 0
      ? `No changes recorded for ${input.orgName} yet.`
      : `History of ${input.orgName}: ${count(p.total, 'change')}` + (newest ? `, newest on this page ${whenPlain(newest.time)}: ${clip(newest.summary, SUMMARY_MAX)}` : '.');
  return {
    card: expand({
      fallbackText: summary,
      title: `History — ${show(input.orgName, 120)}`,
      subtitle: p.total === 0 ? 'Nothing changed here yet.' : `${count(p.total, 'change')} · page ${p.page + 1} of ${pages}`,
      empty: p.total > 0 && p.entries.length === 0 ? 'No changes on this page.' : '',
      entries,
      pager,
    }),
    summary,
  };
}
