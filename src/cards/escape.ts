/**
 * Characters that are markdown anywhere in Adaptive Card text (Teams renders a CommonMark subset).
 * Parentheses alone are plain text, so only the "](" of a link is escaped below.
 */
const INLINE = /[\\`*_[\]~]/g;
/** Headings and quotes: markdown only at the start of a line ("a > b" in a path stays readable). */
const LINE_START = /^(\s*)([#>])/gm;
/** A line that would start a list: "- x", "+ x", "1. x", "1) x" ("* x" is covered by INLINE). */
const LIST_MARKER = /^(\s*)([-+]|\d+[.)])(?=\s|$)/gm;

/**
 * Makes text that came from people (display names, typed text, domains, organization names)
 * render literally in a TextBlock or FactSet: markdown is backslash-escaped, bare links are broken
 * with a word joiner so clients do not turn them into links, and `${` cannot read as a template.
 */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(INLINE, (c) => `\\${c}`)
    // A link needs "](": with the brackets escaped, escaping that one parenthesis is enough.
    .replace(/\]\(/g, ']\\(')
    .replace(LINE_START, (_m, space: string, mark: string) => `${space}\\${mark}`)
    .replace(LIST_MARKER, (_m, space: string, marker: string) =>
      /\d/.test(marker) ? `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}` : `${space}\\${marker}`,
    )
    .replace(/:\/\//g, ':\u2060//')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\u2060.`)
    .replace(/\$\{/g, '$\\{');
}
