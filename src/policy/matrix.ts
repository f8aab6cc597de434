import { findOrg } from './model-index';
import { evaluateResolved } from './reach';
import { CONSUMER_ID, OTHER_ID, consumerRepresentative, orgRepresentative, otherRepresentative } from './representative';
import type { PolicyModel } from './model';
import type { Outcome, ReachMatrix } from './types';

/**
 * Which known organizations can reach which: one cell per ordered pair (from starts with to), for
 * users on the Global policy. Quadratic in organizations: meant for the handful an admin looks at.
 */
export function reachMatrix(model: PolicyModel): ReachMatrix {
  const orgs = model.organizations.filter((o) => o.kind === 'tenant');
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

/** Who users of `orgId` (on the Global policy) can talk to. Undefined for an unknown id. */
export function whoCanReach(model: PolicyModel, orgId: string): ReachEntry[] | undefined {
  const org = findOrg(model, orgId);
  if (!org) return undefined;
  const self = orgRepresentative(org);
  const others = model.organizations.filter((o) => o.id !== orgId && o.kind === 'tenant').map((o) => ({ id: o.id, rep: orgRepresentative(o) }));
  others.push({ id: CONSUMER_ID, rep: consumerRepresentative(model) }, { id: OTHER_ID, rep: otherRepresentative() });
  return others.map(({ id, rep }) => {
    const v = evaluateResolved(self, rep);
    return { id, name: rep.participant.orgName, outbound: v.directions.aToB, inbound: v.directions.bToA, summary: v.summary };
  });
}
