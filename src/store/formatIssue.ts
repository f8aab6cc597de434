import type { z } from 'zod';

/** `["organizations", 2, "domains"]` → `organizations[2].domains`; odd keys are quoted. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** The first problem of a failed parse, as one line: `invalid data at <path>: <message>`. */
export function formatFirstIssue(error: z.ZodError, prefix: readonly PropertyKey[] = []): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid data';
  const path = formatPath([...prefix, ...issue.path]);
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return `invalid data${path === '' ? '' : ` at ${path}`}: ${issue.message}${more}`;
}
