import messageTemplate from '../../cards/message.json';
import type { DomainStatus } from '../policy/types';
import { runAction, type ExecuteAction } from './actions';
import { clip, show, SUMMARY_MAX } from './format';
import { compileTemplate, type BoundCard } from './template';

export type MessageColor = 'Default' | 'Good' | 'Attention' | 'Warning' | 'Accent';

export interface MessageInput {
  /** Plain text (escaped here). */
  title: string;
  /** Plain-text paragraphs (escaped here). */
  lines?: readonly string[];
  facts?: readonly { title: string; value: string }[];
  actions?: readonly ExecuteAction[];
  color?: MessageColor;
}

interface MessageData {
  fallbackText: string;
  title: string;
  color: MessageColor;
  lines: string[];
  facts: { title: string; value: string }[];
  actions: ExecuteAction[];
}

const expand = compileTemplate<MessageData>(messageTemplate);
/** Caps that keep any message card far below the 40 KB limit, whatever the caller passes. */
const MAX_FACTS = 60;
const MAX_LINES = 12;

/** A small text card: a title, a few paragraphs, optional facts and buttons. */
export function messageCard({ title, lines = [], facts = [], actions = [], color = 'Default' }: MessageInput): BoundCard {
  const summary = clip(lines.length > 0 ? `${title}: ${lines.join(' ')}` : title, SUMMARY_MAX);
  return {
    card: expand({
      fallbackText: summary,
      title: show(title, 200),
      color,
      lines: lines.slice(0, MAX_LINES).map((l) => show(l, 1000)),
      facts: [
        ...facts.slice(0, MAX_FACTS).map((f) => ({ title: show(f.title, 80), value: show(f.value, 400) })),
        ...(facts.length > MAX_FACTS ? [{ title: '…', value: `and ${facts.length - MAX_FACTS} more` }] : []),
      ],
      actions: [...actions],
    }),
    summary,
  };
}

/** "Is fabrikam.com allowed?" — the answer first, then the rule that decided. */
export function domainStatusCard({ status, orgName }: { status: DomainStatus; orgName: string }): BoundCard {
  const answer = status.allowed === 'unknown' ? 'Unknown' : status.allowed ? 'Allowed' : 'Blocked';
  return messageCard({
    title: `${answer}: ${status.domain} for ${orgName}`,
    color: status.allowed === 'unknown' ? 'Default' : status.allowed ? 'Good' : 'Attention',
    lines: [status.reason],
    facts: [{ title: 'Rule', value: status.rule }],
    actions: [runAction('Show the settings', { kind: 'showSettings', orgRef: status.orgId })],
  });
}

/** A change that cannot be made (the policy engine's reason); nothing changed. */
export function refusalCard({ reason }: { reason: string }): BoundCard {
  return messageCard({ title: "I can't do that", color: 'Attention', lines: [reason, 'Nothing was changed.'] });
}
