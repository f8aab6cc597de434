import type * as ACTypes from 'adaptivecards';

// The package's `lib/` build is ESM that Node cannot load under jest; its UMD bundle runs in node as is.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof ACTypes;

type Json = Record<string, unknown>;

/** Parses with the official renderer's object model and returns every parse and validation message. */
export function adaptiveCardErrors(card: Json): string[] {
  const ac = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  ac.parse(card, context);
  const messages: string[] = [];
  for (let i = 0; i < context.eventCount; i++) messages.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of ac.validateProperties().validationEvents) messages.push(`validate: ${e.message}`);
  return messages;
}

/** Everything the official validator does not check but a Teams client needs. */
export function houseRuleErrors(card: Json): string[] {
  const errors: string[] = [];
  if (card.$schema !== 'http://adaptivecards.io/schemas/adaptive-card.json') errors.push('missing $schema');
  if (card.type !== 'AdaptiveCard') errors.push('type is not AdaptiveCard');
  if (card.version !== '1.5') errors.push('version is not 1.5');
  if (typeof card.fallbackText !== 'string' || card.fallbackText.trim() === '') errors.push('missing fallbackText');
  const text = JSON.stringify(card);
  if (text.includes('${')) errors.push(`literal \${ left: ${text.slice(text.indexOf('${') - 40, text.indexOf('${') + 40)}`);
  walk(card, (node, path) => {
    if (node.type === 'TextBlock' && (typeof node.text !== 'string' || node.text === '')) errors.push(`${path}: empty TextBlock`);
    if (node.type === 'FactSet' && (!Array.isArray(node.facts) || node.facts.length === 0)) errors.push(`${path}: empty FactSet`);
    if (node.type === 'ActionSet' && (!Array.isArray(node.actions) || node.actions.length === 0)) errors.push(`${path}: empty ActionSet`);
    if (node.type === 'Container' && (!Array.isArray(node.items) || node.items.length === 0)) errors.push(`${path}: empty Container`);
    // Action.ToggleVisibility folds and unfolds parts of the card in the client; it never reaches the bot.
    const clientOnly = node.type === 'Action.ToggleVisibility';
    if (typeof node.type === 'string' && node.type.startsWith('Action.') && node.type !== 'Action.Execute' && !clientOnly && !path.endsWith('.fallback')) {
      errors.push(`${path}: ${node.type} is not Action.Execute`);
    }
  });
  for (const t of toggleTargetsMissing(card)) errors.push(`ToggleVisibility target "${t}" is not on the card`);
  return errors;
}

export function walk(node: unknown, visit: (node: Json, path: string) => void, path = '$'): void {
  if (Array.isArray(node)) node.forEach((n, i) => walk(n, visit, `${path}[${i}]`));
  else if (node !== null && typeof node === 'object') {
    visit(node as Json, path);
    for (const [k, v] of Object.entries(node)) walk(v, visit, `${path}.${k}`);
  }
}

/** Every element id on the card, and the ids the ToggleVisibility buttons target (each must exist). */
export function toggleTargetsMissing(card: Json): string[] {
  const ids = new Set<string>();
  const targets: string[] = [];
  walk(card, (n) => {
    if (typeof n.id === 'string') ids.add(n.id);
    if (n.type === 'Action.ToggleVisibility') for (const t of n.targetElements as unknown[]) targets.push(typeof t === 'string' ? t : String((t as Json).elementId));
  });
  return targets.filter((t) => !ids.has(t));
}

/** Text and buttons a reader sees without unfolding anything (elements with isVisible false are skipped). */
export function visible(card: Json): Json {
  const prune = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.filter((n) => !(n !== null && typeof n === 'object' && (n as Json).isVisible === false)).map(prune);
    if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, prune(v)]));
    return node;
  };
  return prune(card) as Json;
}

export function executeActions(card: Json): Json[] {
  const out: Json[] = [];
  walk(card, (n) => {
    if (n.type === 'Action.Execute') out.push(n);
  });
  return out;
}

/** All text shown to a reader (TextBlock text and fact values). */
export function shownTexts(card: Json): string[] {
  const out: string[] = [];
  walk(card, (n) => {
    if (n.type === 'TextBlock' && typeof n.text === 'string') out.push(n.text);
    if (typeof n.title === 'string' && typeof n.value === 'string' && n.type === undefined) out.push(n.title, n.value);
  });
  return out;
}

export function bytes(card: Json): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** What a person reads on a card, in order: TextBlock texts and FactSet facts as "title: value". */
export function texts(card: unknown): string[] {
  const out: string[] = [];
  walk(card, (n) => {
    if (n.type === 'TextBlock') out.push(String(n.text));
    if (n.type === 'FactSet') for (const fact of n.facts as Json[]) out.push(`${String(fact.title)}: ${String(fact.value)}`);
  });
  return out;
}
