import { identityOf, isIdentity } from '../identity';
import type { KeySet } from '../key-set';
import { differingMiddle } from '../list-middle';
import { consumerOrg, domainKey, indexOrg } from '../model-index';
import { replacedOrgs } from '../replaced-orgs';
import type { Organization, OrgSettings, PolicyModel, User } from '../model';
import { resolveInOrg } from '../participant';
import { PerVersion } from '../per-version';
import type { ParticipantKind, ResolvedParticipant } from '../participant';
import { consumerRepresentative, orgRepresentative, otherRepresentative } from '../representative';
import { sideChecks } from '../side-checks';
import type { Check, Impact, Outcome } from '../types';
import { finish } from './steps';

/** Ranks of outcomes: 0 reachable, 1 depends, 2 not reachable (the worse side decides). */
const OUTCOME: readonly Outcome[] = ['reachable', 'depends', 'notReachable'];

function kindOf(before: number, after: number): Impact['kind'] | undefined {
  if (before < 2 && after === 2) return 'loses';
  if (before === 2 && after < 2) return 'gains';
  return undefined;
}

/**
 * One side's checks reduced to what decides an outcome: per direction, the worst status among the
 * checks that apply to it (0 passed, 1 unknown, 2 failed), which is also the outcome's rank.
 */
interface Summary {
  aToB: number;
  bToA: number;
}
const RANK: Record<Check['status'], number> = { passed: 0, unknown: 1, failed: 2 };

function summarize(checks: readonly Check[]): Summary {
  let aToB = 0;
  let bToA = 0;
  for (const c of checks) {
    const r = RANK[c.status];
    if (c.direction !== 'bToA' && r > aToB) aToB = r;
    if (c.direction !== 'aToB' && r > bToA) bToA = r;
  }
  return { aToB, bToA };
}

const KIND_SLOT: Record<ParticipantKind, number> = { managed: 0, known: 1, unknown: 2, consumer: 3, invalid: 4 };
const trialSlot = (t: boolean | undefined): number => (t === true ? 1 : t === false ? 0 : 2);

/**
 * A side's checks toward another participant depend on that participant only through its kind, its
 * trial-only flag and its domain — and the domain only through the lists that name it (domain rule,
 * trial exceptions, a blocked parent). A domain no list of `self` names behaves like any other such
 * domain, so those counterparts share one evaluation per kind and trial flag. A named domain (and any
 * counterpart of a side without settings of its own) keeps its own.
 */
function named(self: ResolvedParticipant, lists: readonly KeySet[], d: string): boolean {
  if (!self.org || d === '') return true;
  // A loop, not `some`: this runs for every counterpart of every plan, twice.
  for (let i = 0; i < lists.length; i++) if (lists[i]!.has(d)) return true;
  return self.org.settings?.blockAllSubdomains === true && parentBlocked(indexOrg(self.org).blocked, d);
}

/**
 * The non-empty domain lists of an organization (its own lists and every policy's), as the Sets its
 * index holds. Not their union: the Sets are shared by every version of the organization that kept
 * the list (cached per frozen list), while a union of five 4,000-domain lists is a new 20,000-entry
 * Set (650 KB) per version, kept as long as the store keeps that version. Built once per
 * organization object, like its index.
 */
const mentioned = new WeakMap<Organization, readonly KeySet[]>();
const NOTHING: readonly KeySet[] = [];
function mentionedBy(org: Organization): readonly KeySet[] {
  let sets = mentioned.get(org);
  if (!sets) {
    const idx = indexOrg(org);
    const lists = [idx.allowed, idx.blocked, idx.trialExceptions, idx.global.allowed, idx.global.blocked, ...[...idx.policies.values()].flatMap((p) => [p.allowed, p.blocked])];
    // Most organizations name nothing: they share one empty array instead of holding one each.
    const nonEmpty = [...new Set(lists.filter((l) => l.size > 0))];
    sets = nonEmpty.length > 0 ? nonEmpty : NOTHING;
    mentioned.set(org, sets);
  }
  return sets;
}

/** A parent of `domain` is blocked (subdomains of blocked domains are blocked too). */
function parentBlocked(blocked: KeySet, domain: string): boolean {
  if (blocked.size === 0) return false;
  for (let dot = domain.indexOf('.'); dot >= 0; dot = domain.indexOf('.', dot + 1)) {
    if (blocked.has(domain.slice(dot + 1))) return true;
  }
  return false;
}

/** One participant's side toward others (always the same side and direction), shared as `named` allows. */
interface SideMemo {
  shared: (Summary | undefined)[];
  /** Made on first use: most counterparts are never named. */
  own?: Map<string, Summary>;
  /** The participant's organization's lists that name domains (`mentionedBy`), found on first use. */
  lists?: readonly KeySet[];
}
const newMemo = (): SideMemo => ({ shared: [] });

function sideSummary(memo: SideMemo, self: ResolvedParticipant, other: ResolvedParticipant, side: 'from' | 'to', otherStarts: 'aToB' | 'bToA'): Summary {
  const slot = KIND_SLOT[other.kind] * 3 + trialSlot(other.trialOnly);
  const d = other.participant.domain;
  const lists = (memo.lists ??= self.org ? mentionedBy(self.org) : NOTHING);
  if (!named(self, lists, d)) {
    let s = memo.shared[slot];
    if (!s) {
      s = summarize(sideChecks(self, other, side, otherStarts, false));
      memo.shared[slot] = s;
    }
    return s;
  }
  const key = `${slot}|${d}`;
  memo.own ??= new Map();
  let s = memo.own.get(key);
  if (!s) {
    s = summarize(sideChecks(self, other, side, otherStarts, false));
    memo.own.set(key, s);
  }
  return s;
}

/**
 * Their side toward us, remembered per participant of theirs: an organization the change did not touch
 * keeps its participants (see `cachedGroup`), so the next plan finds their side already evaluated.
 */
const theirMemos = new WeakMap<ResolvedParticipant, SideMemo>();
const theirSummary = (them: ResolvedParticipant, us: ResolvedParticipant): Summary => sideSummary(memoIn(theirMemos, them), them, us, 'to', 'aToB');

/** A participant's memo of one side, made on first use. */
function memoIn(memos: WeakMap<ResolvedParticipant, SideMemo>, p: ResolvedParticipant): SideMemo {
  let memo = memos.get(p);
  if (!memo) memos.set(p, (memo = newMemo()));
  return memo;
}

interface Group {
  id: string;
  label: string;
  /** Someone on the organization's defaults, then listed users who differ from them. */
  people: ResolvedParticipant[];
}

/** Listed users whose own settings may make a difference: a policy of their own, or on-premises. */
const distinctive = (p: ResolvedParticipant): boolean =>
  p.listed && ((p.user.policy !== undefined && p.user.policy !== 'Global') || p.user.onPremises);

function groupOf(org: Organization): Group {
  const users = normalized(org.users).map((a) => resolveAddress(org, a));
  return { id: org.id, label: org.name, people: [orgRepresentative(org), ...users.filter(distinctive)] };
}

const normalized = (users: readonly User[]): string[] => users.map((u) => u.address.trim().toLowerCase());
/** A (normalized) address resolved in an organization, at the domain it names. */
const resolveAddress = (org: Organization, a: string): ResolvedParticipant => resolveInOrg(org, a, domainKey(a.slice(a.lastIndexOf('@') + 1)));

/**
 * Groups of organizations a change did not touch are reused from plan to plan: one per organization
 * (its latest version), for as many organizations as a store holds. Each person of a group knows the
 * organization, so not in a WeakMap keyed by it (see PerVersion).
 */
const groups = new PerVersion<Group>(100_000);
function cachedGroup(org: Organization): Group {
  let g = groups.get(org.id, org);
  if (!g) {
    g = groupOf(org);
    groups.set(org.id, org, g);
  }
  return g;
}

/**
 * Builds now what the first plan would build for this organization as a counterpart of a change
 * (its index, its group of people, the domains its lists name), so that it need not build it for
 * every organization at once: a caller can prepare them a slice at a time.
 */
export function prepareCounterpart(org: Organization): void {
  if (org.kind !== 'tenant') return;
  cachedGroup(org);
  mentionedBy(org);
}

/**
 * The two groups that are not organizations of the model, made once (per consumer organization, when
 * the model holds one) like the groups of organizations, so that their side, evaluated once, is found
 * again by the next plan (see theirSummary).
 */
const OTHER_GROUP: Group = { id: '*', label: 'any other organization', people: [otherRepresentative()] };
const consumerGroups = new WeakMap<Organization, Group>();
let noConsumerOrg: Group | undefined;
function consumerGroup(model: PolicyModel): Group {
  const org = consumerOrg(model);
  const made = org ? consumerGroups.get(org) : noConsumerOrg;
  if (made) return made;
  const person = consumerRepresentative(model);
  const group: Group = { id: 'consumer', label: person.participant.orgName, people: [person] };
  if (org) consumerGroups.set(org, group);
  else noConsumerOrg = group;
  return group;
}

/**
 * Which known organizations and users gain or lose reachability with the changed organization: only
 * pairs that involve it (its representative and its distinctive users, before and after), so linear in
 * organizations. A change touches only our side's checks, so their side is evaluated only where ours
 * differs; counterparts that look alike to a side share one evaluation (`named`); user rows are
 * listed only where they differ from their organization's row.
 */
export function impactOf(before: PolicyModel, after: PolicyModel, orgId: string): Impact[] {
  return finish(impactSteps(before, after, orgId));
}

/** Counterparts evaluated between two pauses of `impactSteps`: a few milliseconds' work. */
const COUNTERPARTS_PER_STEP = 500;

/**
 * `impactOf` in steps: it pauses (yields) after every few hundred counterparts, so a caller that
 * must stay responsive (the bot's event loop) can let others run between them; the result is the
 * generator's return value. Nothing it reads may change between steps: models are immutable.
 */
export function* impactSteps(before: PolicyModel, after: PolicyModel, orgId: string): Generator<void, Impact[]> {
  const run = ImpactRun.of(before, after, orgId);
  if (!run) return [];
  // A generator only around the pass over every organization (the only place it pauses): what it
  // calls is plain functions, each optimized on its own, instead of one body the JIT recompiles whole.
  if (!run.replay()) {
    let sinceStep = 0;
    for (let position = 0; position < after.organizations.length; position++) {
      if (!run.isCounterpart(position)) continue;
      if (++sinceStep >= COUNTERPARTS_PER_STEP) {
        sinceStep = 0;
        yield;
      }
      run.visit(position);
    }
  }
  return run.rows();
}

/** One impact computation: the changed organization before (`b`) and after (`a`), and the rows found so far. */
class ImpactRun {
  readonly #after: PolicyModel;
  readonly #orgId: string;
  /** The changed organization before and after the change. */
  readonly #b: Organization;
  readonly #a: Organization;
  readonly #kept: Kept;
  /** When only domain lists changed, the domains our side may now treat otherwise (null: anything else changed too); found on first use. */
  #listed: ListChange | null | undefined;
  /** Rows by counterpart position, for the counterparts toward which our side changes. */
  readonly #rowsAt = new Map<number, Impact[]>();
  /** Our people, resolved on the first counterpart that needs them. */
  #people: Person[] | undefined;

  private constructor(after: PolicyModel, orgId: string, b: Organization, a: Organization) {
    this.#after = after;
    this.#orgId = orgId;
    this.#b = b;
    this.#a = a;
    this.#kept = keptFor(b, a);
  }

  static of(before: PolicyModel, after: PolicyModel, orgId: string): ImpactRun | undefined {
    // A scan, not an index: the next model of a plan is new, and building its index would cost more.
    const b = before.organizations.find((o) => o.id === orgId);
    const a = after.organizations.find((o) => o.id === orgId);
    return b && a ? new ImpactRun(after, orgId, b, a) : undefined;
  }

  isCounterpart(position: number): boolean {
    const o = this.#after.organizations[position]!;
    return o.id !== this.#orgId && o.kind === 'tenant';
  }

  /** The rows with the counterpart at `position`, if our side toward it changed. */
  visit(position: number): void {
    const group = cachedGroup(this.#after.organizations[position]!);
    const rows = this.#rowsOf(group);
    if (rows) this.#rowsAt.set(position, rows);
  }

  /**
   * After a model this change went through, only the organizations replaced since can have other
   * rows, and only if they look different to us: a change confirmed in a batch of the write queue
   * costs a glance at each organization the batch changed before it, not a pass over 10,000
   * organizations. False when there is no such model (then every counterpart is visited).
   */
  replay(): boolean {
    const lastModel = this.#kept.lastModel?.deref();
    const last = lastModel && rowsByModel.get(lastModel);
    const replaced = last && isIdentity(this.#a, last.a) ? replacedOrgs(lastModel!, this.#after, MAX_REPLACED) : undefined;
    if (!last || !replaced) return false;
    for (const [position, rows] of last.rowsAt) this.#rowsAt.set(position, rows);
    for (const { position, before: old, after: o } of replaced) {
      // Our side toward none of its people changed, and they look the same to us: still no rows.
      if (!this.#rowsAt.has(position) && sameToOthers(old, o)) continue;
      this.#rowsAt.delete(position);
      if (this.isCounterpart(position)) this.visit(position);
    }
    return true;
  }

  /**
   * Everyone the changed organization can talk to: known organizations (by position, those toward
   * which our side changes), personal accounts, anyone else. Kept with the model for the next plan
   * of this change (see replay).
   */
  rows(): Impact[] {
    const rowsAt = this.#rowsAt;
    this.#kept.lastModel = new WeakRef(this.#after);
    rowsByModel.set(this.#after, { a: identityOf(this.#a), rowsAt });
    const out = [...rowsAt.keys()].sort((x, y) => x - y).flatMap((position) => rowsAt.get(position)!);
    for (const group of [consumerGroup(this.#after), OTHER_GROUP]) out.push(...(this.#rowsOf(group) ?? []));
    return out;
  }

  /**
   * The rows with one counterpart (our people resolved on the first one that needs them); undefined
   * when our side toward none of its people changes, so that nothing of theirs could make a row.
   */
  #rowsOf(group: Group): Impact[] | undefined {
    const listed = (this.#listed ??= listChange(this.#b, this.#a) ?? null);
    if (listed && !reachesAny(listed, group.people)) return undefined;
    this.#people ??= this.#ourPeople();
    return rowsWith(group, this.#people, this.#a, this.#orgId);
  }

  /**
   * Our representative, then users distinctive before or after the change: resolved on the first
   * counterpart whose rows are not kept, once per plan (their sides toward others are kept per person: `ourMemo`).
   */
  #ourPeople(): Person[] {
    const b = this.#b;
    const a = this.#a;
    const addresses = addressesOf(b, a);
    const meB = resolvedPeople(b, addresses);
    const meA = resolvedPeople(a, addresses);
    return meB.flatMap((fb, i) => {
      const fa = meA[i];
      return fa && (i === 0 || distinctive(fb) || distinctive(fa)) ? [{ i, fb, fa, memoB: ourMemo(fb), memoA: ourMemo(fa) }] : [];
    });
  }
}

/** The settings that hold domains; the other settings hold one value each. */
const DOMAIN_LISTS = ['allowedDomains', 'blockedDomains', 'allowedTrialTenantDomains'] as const satisfies readonly (keyof OrgSettings)[];
const isDomainList = (key: string): boolean => (DOMAIN_LISTS as readonly string[]).includes(key);

/**
 * When `a` is `b` with only the domain lists of its settings changed: which domains that can matter
 * to. Our side's checks read those lists only as "does it name this domain" (and, with subdomains
 * blocked, "a parent of it": see evaluateDomainRule, sideChecks), so they change only toward a domain
 * some entry added or taken out names, or is a parent of. Undefined when anything else changed.
 */
interface ListChange {
  reaches(domain: string): boolean;
}
function listChange(b: Organization, a: Organization): ListChange | undefined {
  const sb = b.settings;
  const sa = a.settings;
  if (!sb || !sa || !sameExcept(b, a, (key) => key === 'settings') || !sameExcept(sb, sa, isDomainList)) return undefined;
  const named = new Set<string>();
  for (const list of DOMAIN_LISTS) {
    if (sb[list] === sa[list]) continue;
    const { before: out, after: put } = differingMiddle(sb[list], sa[list]);
    for (const d of out) named.add(domainKey(d));
    for (const d of put) named.add(domainKey(d));
  }
  const parents = sa.blockAllSubdomains;
  return {
    reaches: (domain) => {
      if (named.has(domain)) return true;
      if (!parents) return false;
      for (let dot = domain.indexOf('.'); dot >= 0; dot = domain.indexOf('.', dot + 1)) if (named.has(domain.slice(dot + 1))) return true;
      return false;
    },
  };
}

/** Whether a list change can matter to any of these people (a loop: this runs once per counterpart of every plan). */
function reachesAny(listed: ListChange, people: Group['people']): boolean {
  for (const p of people) if (listed.reaches(p.participant.domain)) return true;
  return false;
}

/** The same own properties with the same values (===), except those `skip` names. */
function sameExcept<T extends object>(x: T, y: T, skip: (key: string) => boolean): boolean {
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) {
    if (!skip(key) && (!Object.hasOwn(y, key) || (x as Record<string, unknown>)[key] !== (y as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** The addresses of both versions' users, normalized (one array per users list when they share it). */
function addressesOf(b: Organization, a: Organization): readonly string[] {
  if (b.users === a.users) {
    let kept = usersAddresses.get(b.users);
    if (!kept) usersAddresses.set(b.users, (kept = [...new Set(normalized(b.users))]));
    return kept;
  }
  return [...new Set([...normalized(b.users), ...normalized(a.users)])];
}
const usersAddresses = new WeakMap<readonly User[], readonly string[]>();

/**
 * An organization's representative, then the given addresses, resolved in it: kept per organization
 * object for the last addresses asked, so that in a batch of confirmations to one organization the
 * version after one change is the version before the next, whose people are found resolved, with
 * their side toward others already worked out (`ourMemo`).
 */
function resolvedPeople(org: Organization, addresses: readonly string[]): ResolvedParticipant[] {
  const kept = peopleOf.get(org.id, org);
  if (kept && kept.addresses === addresses) return kept.people;
  const people = [orgRepresentative(org), ...addresses.map((x) => resolveAddress(org, x))];
  peopleOf.set(org.id, org, { addresses, people });
  return people;
}
/** Each person knows the organization: kept per version, not in a WeakMap keyed by it (see PerVersion). */
const peopleOf = new PerVersion<{ addresses: readonly string[]; people: ResolvedParticipant[] }>(64);

/** Our side toward others, remembered per participant of ours (see theirSummary for theirs). */
const ourMemos = new WeakMap<ResolvedParticipant, SideMemo>();
const ourMemo = (us: ResolvedParticipant): SideMemo => memoIn(ourMemos, us);

interface Person {
  i: number;
  fb: ResolvedParticipant;
  fa: ResolvedParticipant;
  memoB: SideMemo;
  memoA: SideMemo;
}

/**
 * What impact worked out for a change from `b` to `a`, kept per organization after the change (new
 * with every plan, unless the plan reuses its step: see plan.ts): a change confirmed after other
 * organizations changed evaluates only those again. A row depends on nothing else: both
 * organizations, and the counterpart's people. Only counterparts toward which our side changes are
 * kept (at 10,000 organizations, one entry per counterpart was 10,000 per change previewed).
 */
const keptImpact = new PerVersion<Kept>(64);

/** What impact worked out for a change from `before` to one organization after it. */
interface Kept {
  /** The organization before, by its token (see `identityOf`): never the organization itself. */
  before: object;
  /** The last model it went through, held weakly (its rows are kept with it: see rowsByModel). */
  lastModel?: WeakRef<PolicyModel>;
}

/**
 * The rows by counterpart position, of the change of `a` (by its token) that led to a model, for the
 * counterparts toward which our side changes (most have none: no entry; where theirs decides either
 * way, no rows): kept as long as that model is (a preview's next model, the store's current one), not
 * as long as the organization is — at 10,000 organizations, turning external access off has 10,000
 * rows.
 */
const rowsByModel = new WeakMap<PolicyModel, { a: object; rowsAt: Map<number, Impact[]> }>();

/** Beyond this many organizations replaced since the last model, a pass over all of them is as cheap. */
const MAX_REPLACED = 256;

function keptFor(b: Organization, a: Organization): Kept {
  const kept = keptImpact.get(a.id, a);
  if (kept && isIdentity(b, kept.before)) return kept;
  const made: Kept = { before: identityOf(b) };
  keptImpact.set(a.id, a, made);
  return made;
}

/** The impact rows between the changed organization's people and one counterpart group. */
function rowsWith(other: Group, people: readonly Person[], a: Organization, orgId: string): Impact[] | undefined {
  let out: Impact[] | undefined;
  let orgRow = -1;
  for (const { i, fb, fa, memoB, memoA } of people) {
    for (const them of other.people) {
      const isOrgRow = i === 0 && them === other.people[0];
      const oursB = sideSummary(memoB, fb, them, 'from', 'bToA');
      const oursA = sideSummary(memoA, fa, them, 'from', 'bToA');
      if (oursB.aToB === oursA.aToB && oursB.bToA === oursA.bToA) continue;
      out ??= [];
      const theirs = theirSummary(them, fa);
      // Outcome ranks before and after, per direction: the worse of the two sides.
      const bA = Math.max(oursB.aToB, theirs.aToB);
      const aA = Math.max(oursA.aToB, theirs.aToB);
      const bB = Math.max(oursB.bToA, theirs.bToA);
      const aB = Math.max(oursA.bToA, theirs.bToA);
      const sig = ((bA * 3 + aA) * 3 + bB) * 3 + aB;
      if (isOrgRow) orgRow = sig;
      else if (sig === orgRow) continue;
      const fromLabel = i === 0 ? a.name : fa.participant.address;
      const toLabel = them === other.people[0] ? other.label : them.participant.address;
      const k1 = kindOf(bA, aA);
      if (k1) out.push({ fromOrgId: orgId, toOrgId: other.id, fromLabel, toLabel, before: OUTCOME[bA]!, after: OUTCOME[aA]!, kind: k1 });
      const k2 = kindOf(bB, aB);
      if (k2 && (bB !== bA || aB !== aA)) {
        out.push({ fromOrgId: other.id, toOrgId: orgId, fromLabel: toLabel, toLabel: fromLabel, before: OUTCOME[bB]!, after: OUTCOME[aB]!, kind: k2 });
      }
    }
  }
  return out?.length === 0 ? NO_ROWS : out;
}

/** The rows of a counterpart toward which our side changes but theirs decides either way. */
const NO_ROWS: Impact[] = Object.freeze([]) as unknown as Impact[];

/**
 * Whether a new version of a counterpart looks to our side as the old one did: the same people
 * (representative and listed users, with the same kind, trial-only flag and domain, which is all our
 * checks read of them: see `named`). Then our side toward it changes only where it changed toward
 * the old version.
 */
function sameToOthers(old: Organization, o: Organization): boolean {
  return (
    old.users === o.users &&
    old.kind === o.kind &&
    old.managed === o.managed &&
    (old.settings === undefined) === (o.settings === undefined) &&
    old.trialOnly === o.trialOnly &&
    (old.domains[0] ?? '') === (o.domains[0] ?? '')
  );
}
