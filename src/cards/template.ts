import { Template } from 'adaptivecards-templating';

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** What every binder returns: the card JSON and a one-line summary for the activity. */
export interface BoundCard {
  card: Record<string, unknown>;
  summary: string;
}

/**
 * Builds the `Template` once and returns the function that expands it. Binders hand it data that is
 * already display-ready (escaped, clipped, paged); the template only places it.
 */
export function compileTemplate<T extends object>(payload: object): (data: T) => Record<string, unknown> {
  const template = new Template(payload);
  return (data: T) => template.expand({ $root: data }) as Record<string, unknown>;
}
