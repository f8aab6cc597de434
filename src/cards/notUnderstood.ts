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
  /**
   * What was understood, when something was ("Not done: block x.com"). Without it the title is
   * "I didn't understand that", which is only true when nothing was.
   */
  title?: string;
}

export interface ErrorInput {
  reason: string;
  /** Things to try instead, as phrasings a button can send. */
  suggestions?: readonly string[];
  title?: string;
  /** Above the suggestions: "You can try" unless the suggestions are corrections ("Did you mean"). */
  suggestHeading?: string;
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

/** A closing "Did you mean: X?" says again what the "Did you mean" buttons below it offer. */
function withoutRepeatedOffer(reason: string, suggestions: readonly string[]): string {
  const m = /\s*Did you mean:? (.+)\?$/.exec(reason);
  return m && m[1] !== undefined && suggestions.slice(0, MAX_SUGGESTIONS).includes(m[1]) ? reason.slice(0, m.index) : reason;
}

export const NOT_UNDERSTOOD_TITLE = "I didn't understand that";

/** Card 7: what was not understood (or what was, and why it was not done), and the closest commands as buttons. */
export function notUnderstoodCard({ text, reason, suggestions, title = NOT_UNDERSTOOD_TITLE }: NotUnderstoodInput): BoundCard {
  // The title says it once; a reason that starts with the same words would say it twice.
  const why =
    withoutRepeatedOffer(reason, suggestions)
      .replace(/^I (didn't|did not|could not|couldn't) understand (that|this)[.:]?\s*/i, '')
      .trim() || 'I could not match it to anything I can do.';
  const summary = clip(`${title}: ${why}`, SUMMARY_MAX);
  return {
    card: expand({
      fallbackText: summary,
      title: show(title, 200),
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
export function errorCard({ reason, suggestions = [], title = 'Something went wrong', suggestHeading = 'You can try' }: ErrorInput): BoundCard {
  const summary = clip(`${title}: ${reason}`, SUMMARY_MAX);
  return {
    card: expand({
      fallbackText: summary,
      title: show(title, 120),
      color: 'Attention',
      quote: '',
      reason: show(reason, 600),
      suggestHeading,
      suggestions: buttons(suggestions),
    }),
    summary,
  };
}
