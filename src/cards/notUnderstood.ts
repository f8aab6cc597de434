import notUnderstoodTemplate from '../../cards/not-understood.json';
import { sayAction, type ExecuteAction } from './actions';
import { clip, show, SUMMARY_MAX } from './format';
import { compileTemplate, type BoundCard } from './template';

export interface NotUnderstoodInput {
  /** What the person typed. */
  text?: string;
  reason: string;
  /** Closest commands as canonical phrasings; each becomes a button that sends it. */
  suggestions: readonly string[];
}

export interface ErrorInput {
  reason: string;
  /** Things to try instead, as phrasings a button can send. */
  suggestions?: readonly string[];
  title?: string;
}

interface NotUnderstoodData {
  fallbackText: string;
  title: string;
  color: 'Default' | 'Attention' | 'Warning';
  quote: string;
  reason: string;
  suggestHeading: string;
  suggestions: { actions: ExecuteAction[] }[];
}

const expand = compileTemplate<NotUnderstoodData>(notUnderstoodTemplate);
const MAX_SUGGESTIONS = 5;

function buttons(suggestions: readonly string[]): NotUnderstoodData['suggestions'] {
  const actions = [...new Set(suggestions)].slice(0, MAX_SUGGESTIONS).map((s) => sayAction(s, s));
  return actions.length > 0 ? [{ actions }] : [];
}

/** Card 7: what was not understood, why, and the closest commands as buttons. */
export function notUnderstoodCard({ text, reason, suggestions }: NotUnderstoodInput): BoundCard {
  // The title says it once; a reason that starts with the same words would say it twice.
  const why = reason.replace(/^I (didn't|did not|could not|couldn't) understand (that|this)[.:]?\s*/i, '').trim() || 'I could not match it to anything I can do.';
  const summary = clip(`I didn't understand that: ${why}`, SUMMARY_MAX);
  return {
    card: expand({
      fallbackText: summary,
      title: "I didn't understand that",
      // Yellow text is hard to read on white; the title stays in the default colour.
      color: 'Default',
      quote: text ? `You wrote: “${show(text, 300)}”` : '',
      reason: show(why, 600),
      suggestHeading: 'Did you mean',
      suggestions: buttons(suggestions),
    }),
    summary,
  };
}

/** Something went wrong (or cannot be done): the reason in words, and what to try instead. */
export function errorCard({ reason, suggestions = [], title = 'Something went wrong' }: ErrorInput): BoundCard {
  const summary = clip(`${title}: ${reason}`, SUMMARY_MAX);
  return {
    card: expand({
      fallbackText: summary,
      title: show(title, 120),
      color: 'Attention',
      quote: '',
      reason: show(reason, 600),
      suggestHeading: 'You can try',
      suggestions: buttons(suggestions),
    }),
    summary,
  };
}
