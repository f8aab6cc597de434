import { domainToASCII, domainToUnicode } from 'node:url';
import { lookalikeOf } from './confusables';

/** A domain as stored (ASCII/punycode, lower case) and as shown to people (Unicode). */
export interface Domain {
  ascii: string;
  display: string;
}

export type DomainResult = { ok: true; domain: Domain } | { ok: false; input: string; reason: string };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * The one place domains are validated and normalized: lower case, trailing dot removed,
 * internationalized names in ASCII (punycode), labels 1–63 characters, name ≤ 253, at least two
 * labels, no wildcards. Invalid input yields a reason a person understands, never an exception.
 */
export function normalizeDomain(input: string): DomainResult {
  let result = normalized.get(input);
  if (result === undefined) {
    result = Object.freeze(normalizedNow(input));
    if (result.ok) Object.freeze(result.domain);
    if (normalized.size >= NORMALIZED_KEPT) normalized.clear();
    normalized.set(input, result);
  }
  return result;
}

/**
 * Answers by input, for the last inputs asked (frozen: callers share them). A change's domains are
 * normalized by every plan of it, and a confirmation in the write queue plans it once more; each
 * time about 4 µs a domain.
 */
const normalized = new Map<string, DomainResult>();
const NORMALIZED_KEPT = 2048;

function normalizedNow(input: string): DomainResult {
  const raw = input.trim();
  const fail = (reason: string): DomainResult => ({ ok: false, input: raw, reason });
  if (raw === '') return fail('the domain is empty');
  if (raw.includes('*')) return fail(`\`${raw}\` has a wildcard; Teams accepts only fully qualified domain names (no wildcards)`);
  if (/[\s/@:]/.test(raw)) return fail(`\`${raw}\` is not a domain name`);
  const trimmed = raw.replace(/\.$/, '');
  if (trimmed.startsWith('.') || trimmed.includes('..')) return fail(`\`${raw}\` has an empty label`);
  const lower = trimmed.toLowerCase();
  const ascii = isPlainAscii(lower) ? lower : domainToASCII(lower);
  if (ascii === '') return fail(`\`${raw}\` is not a valid domain name`);
  if (ascii.length > 253) return fail(`\`${raw}\` is longer than 253 characters`);
  const labels = ascii.split('.');
  if (labels.length < 2) return fail(`\`${raw}\` has no top-level domain`);
  const bad = labels.find((l) => !LABEL.test(l));
  if (bad !== undefined) {
    if (bad.length > 63) return fail(`\`${raw}\` has a label longer than 63 characters`);
    return fail(`\`${raw}\` has an invalid label \`${bad}\` (letters, digits and inner hyphens only)`);
  }
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return fail(`\`${raw}\` looks like an IP address, not a domain name`);
  return { ok: true, domain: { ascii, display: displayDomain(ascii) } };
}

/**
 * Most names are already plain ASCII with an alphabetic top-level label: for them the WHATWG
 * conversion (a call into the URL parser, the costliest step of reading an address) is the identity.
 * Punycode labels, non-ASCII names and numeric-looking endings still go through it.
 */
const PLAIN_ASCII = /^(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*$/;
function isPlainAscii(lower: string): boolean {
  return PLAIN_ASCII.test(lower) && !lower.startsWith('xn--') && !lower.includes('.xn--');
}

/**
 * The form of a stored (ASCII) domain shown to people: Unicode, except for a lookalike (mixed
 * scripts, or letters that pass for Latin ones), which is shown as stored (xn--…) so it cannot
 * pass for the name it imitates.
 */
export function displayDomain(ascii: string): string {
  if (isPlainAscii(ascii)) return ascii;
  const unicode = domainToUnicode(ascii) || ascii;
  return lookalikeOf(unicode) ? ascii : unicode;
}

/**
 * The warning a person needs when a stored (ASCII) domain is a lookalike, naming what it imitates;
 * undefined for ordinary names (plain ASCII, genuine internationalized names).
 */
export function lookalikeWarning(ascii: string): string | undefined {
  if (isPlainAscii(ascii)) return undefined;
  const unicode = domainToUnicode(ascii) || ascii;
  const found = lookalikeOf(unicode);
  if (!found) return undefined;
  const letters = `${found.scripts.join(' and ')} letters`;
  const imitates = found.looksLike !== undefined ? `looks like ${found.looksLike} but is a different domain` : 'mixes scripts in one name';
  return `${ascii} ${imitates} (it uses ${letters}), so it is shown in its xn-- form: check that this is the domain you mean.`;
}

/** The domain part of an address, normalized; undefined when it is not an address with a valid domain. */
export function domainOfAddress(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  if (at <= 0) return undefined;
  const r = normalizeDomain(address.slice(at + 1));
  return r.ok ? r.domain.ascii : undefined;
}

/** A normalized address: lower case, domain in ASCII. */
export function normalizeAddress(address: string): string | undefined {
  const trimmed = address.trim();
  const at = trimmed.lastIndexOf('@');
  const domain = domainOfAddress(trimmed);
  const local = trimmed.slice(0, at).toLowerCase();
  if (domain === undefined || !/^[a-z0-9._%+'-]{1,64}$/.test(local)) return undefined;
  return `${local}@${domain}`;
}

/** True when `domain` is `parent` or a subdomain of it (sub.contoso.com yes, subcontoso.com no). */
export function isSameOrSubdomain(domain: string, parent: string): boolean {
  return domain === parent || domain.endsWith(`.${parent}`);
}
