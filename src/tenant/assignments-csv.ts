import { normalizeAddress } from '../policy/domain';
import { GLOBAL_POLICY } from '../policy/model';
import { policyName } from './policies-json';
import type { AssignmentsReading, ReadFailure, Skipped } from './types';

const USER_COLUMNS = ['userprincipalname', 'user', 'identity', 'sipaddress', 'email', 'mail', 'address', 'upn'];
const POLICY_COLUMNS = ['externalaccesspolicy', 'policyname', 'policy'];

/** One CSV line split on `delimiter`, honouring double quotes ("a,b" and "" inside quotes). */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      out.push(field.trim());
      field = '';
    } else field += c;
  }
  out.push(field.trim());
  return out;
}

function delimiterOf(line: string): string {
  for (const d of ['\t', ';', ',']) if (line.includes(d)) return d;
  return ' ';
}

/**
 * User → policy lines: `Get-CsOnlineUser | Select UserPrincipalName, ExternalAccessPolicy | Export-Csv`
 * output (with or without its `#TYPE` line), or plain "user,policy" / "user<TAB>policy" lines.
 * An empty policy means Global; "Tag:Sales" means Sales; entries that are not addresses are skipped.
 */
export function readAssignments(text: string): { ok: true; reading: AssignmentsReading } | ReadFailure {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  const first = lines[0];
  if (first === undefined) return { ok: false, code: 'empty', reason: 'The list is empty. Nothing was changed.' };
  const delimiter = delimiterOf(first);
  const header = splitCsvLine(first, delimiter).map((h) => h.toLowerCase().replace(/[^a-z]/g, ''));
  const userCol = header.findIndex((h) => USER_COLUMNS.includes(h));
  const policyCol = header.findIndex((h) => POLICY_COLUMNS.includes(h));
  const hasHeader = userCol >= 0 && policyCol >= 0;
  const rows = hasHeader ? lines.slice(1) : lines;
  const skipped: Skipped[] = [];
  const byUser = new Map<string, string>();
  for (const line of rows) {
    const cells = splitCsvLine(line, delimiterOf(line) === ' ' ? ' ' : delimiter).filter((c, i) => c !== '' || i > 0);
    const rawUser = (hasHeader ? cells[userCol] : cells[0]) ?? '';
    const rawPolicy = (hasHeader ? cells[policyCol] : cells[1]) ?? '';
    const address = normalizeAddress(rawUser.replace(/^sip:/i, ''));
    if (address === undefined) {
      skipped.push({ input: rawUser || line, reason: `\`${rawUser || line}\` is not a user address` });
      continue;
    }
    const policy = rawPolicy === '' ? GLOBAL_POLICY : policyName(rawPolicy);
    if (policy.length > 64) {
      skipped.push({ input: line, reason: `the policy name of ${address} is longer than 64 characters` });
      continue;
    }
    byUser.set(address, policy);
  }
  if (byUser.size === 0) {
    const why = skipped[0]?.reason ?? 'no lines';
    return { ok: false, code: 'not-json', reason: `This is not JSON from Get-CsTenantFederationConfiguration or Get-CsExternalAccessPolicy, nor a user → policy list (${why}). Nothing was changed.` };
  }
  const assignments = [...byUser].map(([user, policy]) => ({ user, policy }));
  return { ok: true, reading: { kind: 'assignments', assignments, unmanaged: [], skipped, notes: [] } };
}
