import type { Check, Fix, Verdict } from '../policy/types';
import { runAction, type ExecuteAction } from './actions';
import { checkWords } from './checkWords';

/** Who is reading the verdict: what they may change, and whom they would ask. */
export interface Viewer {
  /** Ids of the organizations the viewer administers: their fixes become buttons. */
  adminOf: readonly string[];
  /** The viewer's own organization, when known. */
  orgId?: string;
  /** Addresses of that organization's admins, for "Ask admin@… (your admin)". */
  admins?: readonly string[];
}

/** The next step for one deciding check, fitted to the reader. Plain text: the caller escapes. */
export interface NextStep {
  text: string;
  /** The message to send an admin, when the reader must ask one. */
  message: string;
  actions: ExecuteAction[];
}

const lower = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const noStop = (s: string): string => s.replace(/[.\s]+$/, '');

/**
 * An admin of the side that must change gets the fix as a button (it previews, never applies). Someone
 * in that organization who is not its admin gets whom to ask and the words to send. For any other
 * organization the reader is told what that organization's admin must check, in words: never the
 * PowerShell of a tenant they cannot run it in, never a chat command they may not use.
 */
export function nextStep(c: Check, v: Verdict, viewer: Viewer): NextStep | undefined {
  const fix: Fix | undefined = c.fix;
  if (!fix) return undefined;
  const orgName = fix.orgName ?? c.orgName;
  if (fix.who === 'user') return { text: fix.summary, message: '', actions: [] };
  if (fix.change && fix.orgId !== undefined && viewer.adminOf.includes(fix.orgId)) {
    return { text: fix.summary, message: '', actions: [runAction(`Fix it in ${orgName}`, { kind: 'change', change: fix.change }, 'positive')] };
  }
  if (fix.orgId !== undefined && fix.orgId === viewer.orgId) {
    const admin = viewer.admins?.find((a) => a.includes('@'));
    const whom = admin ? `${admin} (your admin)` : `an admin of ${orgName}`;
    const message = `Hi, the Federation Assistant says ${v.a.address} and ${v.b.address} cannot reach each other because ${checkWords(c, v)} (setting ${c.setting}). Could you ${lower(noStop(fix.summary))}?`;
    return { text: `Ask ${whom} to ${lower(noStop(fix.summary))}. You can send this:`, message, actions: [] };
  }
  const where = fix.adminCenter ? ` They will find it in the ${fix.adminCenter}.` : '';
  const theirs = /^The admin of /.test(fix.summary) ? fix.summary : `Only an admin of ${orgName} can change this: ask them to ${lower(noStop(fix.summary))}.`;
  return { text: `${theirs}${where}`, message: '', actions: [] };
}
