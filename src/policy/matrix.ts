import { domainKey, findOrg, orgOfDomain } from './model-index';
import { evaluateResolved } from './reach';
import { domainListsOf } from './organizations';
import { CONSUMER_ID, OTHER_ID, consumerRepresentative, orgRepresentative, otherRepresentative } from './representative';
import type { Organization, PolicyModel } from './model';
import { ModelMemo } from './model-memo';
import type { Outcome, ReachMatrix } from './types';

/** The tenant organizations of a model, in store order: built once per model (every reply asks), for the last few models. */
const tenantCache = new ModelMemo<readonly Organization[]>(4);
export function tenantsOf(model: PolicyModel): readonly Organization[] {
  let t = tenantCache.get(model);
  if (!t) {
    t = model.organizations.filter((o) => o.kind === 'tenant');
    tenantCache.set(model, t);
  }
  return t;
}

/**
 * Which known organizations can reach which, for users on the Global policy, or undefined when more
 * than `maxOrgs` are known: the whole matrix is quadratic, so it is built only for a small grid.
 */
export function reachMatrix(model: PolicyModel, maxOrgs: number): ReachMatrix | undefined {
  const orgs = tenantsOf(model);
  if (orgs.length > maxOrgs) return undefined;
  const reps = orgs.map(orgRepresentative);
  const cells: ReachMatrix['cells'] = [];
  reps.forEach((from, i) => {
    reps.forEach((to, j) => {
      if (i === j) return;
      cells.push({ fromId: orgs[i]?.id ?? '', toId: orgs[j]?.id ?? '', outcome: evaluateResolved(from, to).outcome });
    });
  });
  return { orgs: orgs.map((o) => ({ id: o.id, name: o.name, managed: o.managed })), cells };
}

/** One ordered pair of the matrix: users of `from` on the Global policy start the conversation. */
export interface MatrixCell {
  fromId: string;
  fromName: string;
  toId: string;
  toName: string;
  outcome: Outcome;
}

export interface MatrixPage {
  /** Known organizations, and ordered pairs of different ones. */
  orgs: number;
  pairs: number;
  /** Pages count from 0; a page past the end shows the last one. */
  page: number;
  pages: number;
  /** 1-based position of the first pair shown. */
  first: number;
  cells: MatrixCell[];
}

/**
 * One page of "who can reach whom": pair k is (from = k div (n−1), to = the (k mod (n−1))-th other),
 * so a page evaluates only its own `size` pairs, whatever the number of organizations.
 */
export function reachMatrixPage(model: PolicyModel, page: number, size: number): MatrixPage {
  const orgs = tenantsOf(model);
  const n = orgs.length;
  const pairs = n * Math.max(0, n - 1);
  const pages = Math.max(1, Math.ceil(pairs / size));
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const cells: MatrixCell[] = [];
  for (let k = p * size; k < Math.min(pairs, (p + 1) * size); k++) {
    const i = Math.floor(k / (n - 1));
    const r = k % (n - 1);
    const from = orgs[i];
    const to = orgs[r < i ? r : r + 1];
    if (!from || !to) continue;
    const outcome = evaluateResolved(orgRepresentative(from), orgRepresentative(to)).outcome;
    cells.push({ fromId: from.id, fromName: from.name, toId: to.id, toName: to.name, outcome });
  }
  return { orgs: n, pairs, page: p, pages, first: p * size + 1, cells };
}

/** One row of "who can we talk to". */
export interface ReachEntry {
  /** An organization id, "consumer" for personal Teams accounts, "*" for any organization not known here. */
  id: string;
  name: string;
  /** Users of `orgId` on the Global policy start the conversation. */
  outbound: Outcome;
  /** The other side starts. */
  inbound: Outcome;
  summary: string;
}

/**
 * The organizations that matter to `orgId`, most relevant first: those named in its domain lists and
 * its policies' lists, then `recent` partners (ids), each once. Linear in the lists, never in the model.
 */
export function partnersOf(model: PolicyModel, orgId: string, recent: readonly string[] = []): string[] {
  const org = findOrg(model, orgId);
  if (!org) return [];
  const out = new Set<string>();
  for (const list of domainListsOf(org)) {
    for (const d of list) {
      const named = orgOfDomain(model, domainKey(d));
      if (named && named.id !== orgId && named.kind === 'tenant') out.add(named.id);
    }
  }
  for (const id of recent) if (id !== orgId && findOrg(model, id)?.kind === 'tenant') out.add(id);
  return [...out];
}

/**
 * The order "who can we talk to" pages through: the organizations that matter first, then every
 * other known organization in store order, then personal accounts and anyone else. Ids only (no
 * verdict), so building it is linear and cheap.
 */
export function counterpartIds(model: PolicyModel, orgId: string, partners: readonly string[]): string[] {
  const first = new Set(partners);
  const rest = tenantsOf(model).filter((o) => o.id !== orgId && !first.has(o.id)).map((o) => o.id);
  return [...first, ...rest, CONSUMER_ID, OTHER_ID];
}

/** Who users of `orgId` (on the Global policy) can talk to, for the given counterparts only. */
export function reachWith(model: PolicyModel, orgId: string, ids: readonly string[]): ReachEntry[] | undefined {
  const org = findOrg(model, orgId);
  if (!org) return undefined;
  const self = orgRepresentative(org);
  const out: ReachEntry[] = [];
  for (const id of ids) {
    const other = id === CONSUMER_ID ? consumerRepresentative(model) : id === OTHER_ID ? otherRepresentative() : undefined;
    const org2 = other ? undefined : findOrg(model, id);
    const rep = other ?? (org2 ? orgRepresentative(org2) : undefined);
    if (!rep) continue;
    const v = evaluateResolved(self, rep);
    out.push({ id, name: rep.participant.orgName, outbound: v.directions.aToB, inbound: v.directions.bToA, summary: v.summary });
  }
  return out;
}

/** Who users of `orgId` (on the Global policy) can talk to, everyone known. Linear in organizations. */
export function whoCanReach(model: PolicyModel, orgId: string): ReachEntry[] | undefined {
  return reachWith(model, orgId, counterpartIds(model, orgId, []));
}
