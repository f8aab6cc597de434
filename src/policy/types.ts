import type { Change } from './change';
import type { DomainMode } from './model';
import type { PolicyModel } from './model';

/** Who is acting or asking. Resolved by the bot; the engine trusts it. */
export interface Actor {
  address: string;
  displayName?: string;
  /** Entra object id when known (Teams). */
  objectId?: string;
  /** Ids of the organizations this actor administers. */
  adminOf: string[];
}

export type Side = 'from' | 'to';
export type CheckStatus = 'passed' | 'failed' | 'unknown';

/** Who must act to fix a failed check, and how. */
export interface Fix {
  who: 'ourAdmin' | 'theirAdmin' | 'user';
  /** Organization whose admin must act (when who is an admin). */
  orgId?: string;
  orgName?: string;
  /** One sentence a person can follow. */
  summary: string;
  /** When the organization is managed here: the change that fixes it (bot command). */
  change?: Change;
  /** The bot command as typed, when managed here. */
  command?: string;
  /** Otherwise: the Teams admin center path (absent when the setting has none) and the PowerShell. */
  adminCenter?: string;
  /**
   * One line a person can read. When the right command depends on settings not known here it is
   * labelled text ("If … : …") that does not run as a script; `check` and `options` then hold the parts.
   */
  powershell?: string;
  /** Read this first (nothing changes): decides which of `options` applies. */
  check?: string;
  /** Commands for each situation, labelled; run only the one whose `when` holds. */
  options?: { when: string; powershell: string; adminCenter?: string }[];
}

export interface Check {
  /** Stable id of the rule, e.g. "org.allowFederatedUsers". */
  id: string;
  /** The direction this check belongs to: "a→b" checks both organizations' rules for a starting with b. */
  direction: 'aToB' | 'bToA' | 'both';
  /** Whose setting: the organization (and user) on that side. */
  side: Side;
  orgId?: string;
  orgName: string;
  /** The setting's name as admins know it, e.g. "AllowFederatedUsers". */
  setting: string;
  needs: string;
  found: string;
  status: CheckStatus;
  /** When not passed: one clause naming the deciding setting and whose it is (summaries use it). */
  because?: string;
  fix?: Fix;
}

export type Outcome = 'internal' | 'reachable' | 'notReachable' | 'depends';

/** How people want to talk, when a question says so. */
export type Medium = 'chat' | 'call' | 'meet';

export interface Participant {
  address: string;
  domain: string;
  orgId?: string;
  orgName: string;
  managed: boolean;
}

export interface Verdict {
  outcome: Outcome;
  /** When outcome is depends: the organization whose unknown settings decide. */
  dependsOn?: { orgId?: string; orgName: string };
  a: Participant;
  b: Participant;
  /** Per direction (a starts with b, b starts with a): the outcome of that direction alone. */
  directions: { aToB: Outcome; bToA: Outcome };
  /**
   * native: TeamsOnly both; interop: text only, 1:1 (a Skype for Business user); personal: with a
   * personal (unmanaged) Teams account, chat and meetings but no calls. Present when reachable or depends.
   */
  conversation?: 'native' | 'interop' | 'personal';
  /** What was asked about, when the question named it ("can rob meet with ann?"). */
  medium?: Medium;
  /**
   * When the other address belongs to no known organization it may be a personal Microsoft account
   * (any address can be one): the verdict if it is, beside the work-account verdict above.
   */
  ifPersonal?: { outcome: Outcome; summary: string };
  checks: Check[];
  /** One line a person understands, starting with the outcome words. */
  summary: string;
  /** What the outcome words alone would hide (a meeting joined anonymously across a block). */
  note?: string;
}

export interface DomainStatus {
  orgId: string;
  domain: string;
  allowed: boolean | 'unknown';
  /** Why, in words, naming the rule that decided. */
  reason: string;
  rule: string;
}

export interface Impact {
  /** A pair of addresses or organizations whose reachability changes. */
  fromOrgId: string;
  toOrgId: string;
  fromLabel: string;
  toLabel: string;
  before: Outcome;
  after: Outcome;
  kind: 'loses' | 'gains';
}

export interface PlanWarning {
  code:
    | 'listLimit'
    | 'ownDomain'
    | 'alreadyListed'
    | 'notListed'
    | 'notInEffect'
    | 'invalidDomain'
    | 'noEffect'
    | 'blocksEveryone'
    | 'lookalike'
    | 'delay';
  message: string;
}

export interface DiffLine {
  /** What a person calls it, e.g. "Blocked domains". */
  label: string;
  before: string;
  after: string;
}

export interface Plan {
  change: Change;
  orgId: string;
  orgName: string;
  /** One line: what this change does. */
  summary: string;
  diff: DiffLine[];
  impact: Impact[];
  warnings: PlanWarning[];
  needsConfirmation: boolean;
  /** Why confirmation is needed, when it is. */
  confirmReason?: string;
  /** The change that puts back exactly what this one touched. */
  inverse: Change;
  /** Setting paths this change touched, e.g. "settings.blockedDomains", "policies.Sales", "users.rob@x". */
  touched: string[];
  /** Before and after of exactly what was touched, for the audit log. */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** A change that cannot be planned: the reason a person understands. Nothing changes. */
export interface PlanRefusal {
  ok: false;
  reason: string;
}

export type PlanResult = { ok: true; plan: Plan; next: PolicyModel } | PlanRefusal;

/** The effective federation state of one organization, in the words admins know. */
export interface OrgStateView {
  orgId: string;
  orgName: string;
  /** Unicode display forms. */
  domains: string[];
  managed: boolean;
  federation: boolean;
  mode: DomainMode;
  /** Today's admin-center wording, e.g. "Block only specific external domains". */
  modeLabel: string;
  /** The seed's Skype for Business Online legacy wording where it applies. */
  legacyLabel?: string;
  /** The list the current mode uses (display forms); null list when the mode uses none. */
  inEffect: { list: 'allowed' | 'blocked' | null; domains: string[] };
  /** Lists that hold entries the current mode ignores. */
  storedNotInEffect: { list: 'allowed' | 'blocked'; domains: string[] }[];
  blockAllSubdomains: boolean;
  teamsConsumer: { outbound: boolean; inbound: boolean };
  trialTenants: { blocked: boolean; exceptions: string[] };
  /** Custom policies and Global, with how many known users each has and what they do. */
  policiesInUse: { name: string; users: number; summary: string }[];
}

/** Which known organizations can reach which. */
export interface ReachMatrix {
  orgs: { id: string; name: string; managed: boolean }[];
  /** One cell per ordered pair of different organizations (from → to, the mutual outcome). */
  cells: { fromId: string; toId: string; outcome: Outcome }[];
}
