import { TENANT_EXTRAS_LIMITS } from '../policy/model';
import type { TenantExtraMap, TenantExtraValue, TenantExtras } from '../policy/model';
import type { Json } from './values';

const { keys: MAX_KEYS, keyLength: MAX_KEY, valueLength: MAX_VALUE } = TENANT_EXTRAS_LIMITS;

const clipText = (t: string): string => (t.length > MAX_VALUE ? `${t.slice(0, MAX_VALUE - 1)}…` : t);

/** A primitive kept as it is; a nested value (PowerShell's Anchor object, say) as its JSON text. */
function keptValue(v: Json): TenantExtraValue {
  if (v === null || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'string') return clipText(v);
  return clipText(JSON.stringify(v));
}

/**
 * The unmodeled properties of one object, within the model's bounds. What does not fit (a name
 * longer than a property name can be, more properties than any cmdlet prints) is named in `notes`
 * so the admin sees it is not kept, rather than it vanishing.
 */
export function keepExtras(entries: readonly [string, Json][], where: string, notes: string[]): TenantExtraMap {
  // Built as entries: a property named "__proto__" is kept as a property, never as a prototype.
  const kept: [string, TenantExtraValue][] = [];
  const tooLong: string[] = [];
  let over = 0;
  for (const [key, value] of entries) {
    if (key === '' || key.length > MAX_KEY) tooLong.push(key.slice(0, 40));
    else if (kept.length >= MAX_KEYS) over += 1;
    else kept.push([key, keptValue(value)]);
  }
  const out: TenantExtraMap = Object.fromEntries(kept);
  if (tooLong.length > 0) notes.push(`${where}: ${tooLong.length} ${tooLong.length === 1 ? 'property has a name' : 'properties have names'} longer than ${MAX_KEY} characters, not kept here (${tooLong.slice(0, 3).join(', ')}).`);
  if (over > 0) notes.push(`${where}: only the first ${MAX_KEYS} properties not managed here are kept; ${over} more are not.`);
  return out;
}

/** The value as PowerShell writes it, for comments and cards: True/False, $null, text as it is. */
export function showExtra(v: TenantExtraValue): string {
  if (v === null) return '$null';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

/** `setting = value` lines of everything kept, federation first, then each policy's. */
export function extraLines(extras: TenantExtras | undefined): { where: string; key: string; value: string }[] {
  const out: { where: string; key: string; value: string }[] = [];
  for (const [key, v] of Object.entries(extras?.federation ?? {})) out.push({ where: '', key, value: showExtra(v) });
  for (const [policy, map] of Object.entries(extras?.policies ?? {})) {
    for (const [key, v] of Object.entries(map)) out.push({ where: policy, key, value: showExtra(v) });
  }
  return out;
}

/**
 * One comment line's text for a kept property: never a command. Line breaks and other control
 * characters in a value become spaces, so a value cannot end the comment and run as a script line.
 */
export function extraComment(key: string, value: TenantExtraValue): string {
  const flat = (t: string): string => t.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  return `${flat(key)} = ${flat(showExtra(value))} (not managed here; left as it is in the tenant)`;
}

/** A short line of what is kept, the first few properties and how many more, for a card or a reply. */
export function extrasSummary(extras: TenantExtras | undefined, first = 8): string {
  const lines = extraLines(extras);
  if (lines.length === 0) return '';
  const shown = lines.slice(0, first).map((l) => `${l.where ? `policy ${l.where}: ` : ''}${l.key} = ${l.value.length > 60 ? `${l.value.slice(0, 59)}…` : l.value}`);
  const more = lines.length > first ? `, and ${lines.length - first} more` : '';
  return `${shown.join('; ')}${more}`;
}
