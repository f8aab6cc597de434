/**
 * The impact computation before it was made cheap (every counterpart's checks built in full, no
 * sharing between alike counterparts): kept as the reference the fast one must equal.
 */
import { domainKey, indexModel } from '../../src/policy/model-index';
import type { Organization, PolicyModel } from '../../src/policy/model';
import { resolveInOrg } from '../../src/policy/participant';
import type { ResolvedParticipant } from '../../src/policy/participant';
import { directionsOf } from '../../src/policy/reach';
import { consumerRepresentative, orgRepresentative, otherRepresentative } from '../../src/policy/representative';
import { sideChecks } from '../../src/policy/side-checks';
import type { Check, Impact, Outcome } from '../../src/policy/types';

const open = (o: Outcome): boolean => o === 'reachable' || o === 'depends';

function kindOf(before: Outcome, after: Outcome): Impact['kind'] | undefined {
  if (open(before) && after === 'notReachable') return 'loses';
  if (before === 'notReachable' && open(after)) return 'gains';
  return undefined;
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

function groupOf(org: Organization, addresses: readonly string[]): Group {
  const users = addresses.map((raw) => {
    const a = raw.trim().toLowerCase();
    return resolveInOrg(org, a, domainKey(a.slice(a.lastIndexOf('@') + 1)));
  });
  return { id: org.id, label: org.name, people: [orgRepresentative(org), ...users.filter(distinctive)] };
}

/** Groups of organizations a change did not touch are reused from plan to plan. */
const groups = new WeakMap<Organization, Group>();
function cachedGroup(org: Organization): Group {
  let g = groups.get(org);
  if (!g) {
    g = groupOf(org, org.users.map((u) => u.address));
    groups.set(org, g);
  }
  return g;
}

/** Everyone the changed organization can talk to: known organizations, personal accounts, anyone else. */
function counterparts(model: PolicyModel, orgId: string): Group[] {
  const groups = model.organizations
    .filter((o) => o.id !== orgId && o.kind === 'tenant')
    .map(cachedGroup);
  groups.push({ id: 'consumer', label: consumerRepresentative(model).participant.orgName, people: [consumerRepresentative(model)] });
  groups.push({ id: '*', label: 'any other organization', people: [otherRepresentative()] });
  return groups;
}

const statuses = (checks: readonly Check[]): string => checks.map((c) => c.status[0]).join('');

/**
 * Which known organizations and users gain or lose reachability with the changed organization.
 * A change touches only our side's checks, so their side is evaluated only where ours differs;
 * user rows are listed only where they differ from their organization's row.
 */
export function referenceImpactOf(before: PolicyModel, after: PolicyModel, orgId: string): Impact[] {
  const b = indexModel(before).byId.get(orgId);
  const a = indexModel(after).byId.get(orgId);
  if (!b || !a) return [];
  const addresses = [...new Set([...b.users, ...a.users].map((u) => u.address.trim().toLowerCase()))];
  const resolveAll = (org: Organization): ResolvedParticipant[] => [
    orgRepresentative(org),
    ...addresses.map((x) => resolveInOrg(org, x, domainKey(x.slice(x.lastIndexOf('@') + 1)))),
  ];
  const meB = resolveAll(b);
  const meA = resolveAll(a);
  // Our representative, then users distinctive before or after the change.
  const pick = meB.map((p, i) => i === 0 || distinctive(p) || distinctive(meA[i] ?? p));
  const out: Impact[] = [];
  for (const other of counterparts(after, orgId)) {
    let orgRow = '';
    meB.forEach((fb, i) => {
      const fa = meA[i];
      if (!pick[i] || !fa) return;
      for (const them of other.people) {
        const isOrgRow = i === 0 && them === other.people[0];
        const oursB = sideChecks(fb, them, 'from', 'bToA');
        const oursA = sideChecks(fa, them, 'from', 'bToA');
        if (statuses(oursB) === statuses(oursA)) continue;
        const theirs = sideChecks(them, fa, 'to', 'aToB');
        const db = directionsOf([...oursB, ...theirs]);
        const da = directionsOf([...oursA, ...theirs]);
        const sig = `${db.aToB}>${da.aToB}|${db.bToA}>${da.bToA}`;
        if (isOrgRow) orgRow = sig;
        else if (sig === orgRow) continue;
        const fromLabel = isOrgRow || i === 0 ? a.name : fa.participant.address;
        const toLabel = them === other.people[0] ? other.label : them.participant.address;
        const k1 = kindOf(db.aToB, da.aToB);
        if (k1) out.push({ fromOrgId: orgId, toOrgId: other.id, fromLabel, toLabel, before: db.aToB, after: da.aToB, kind: k1 });
        const k2 = kindOf(db.bToA, da.bToA);
        if (k2 && (db.bToA !== db.aToB || da.bToA !== da.aToB)) {
          out.push({ fromOrgId: other.id, toOrgId: orgId, fromLabel: toLabel, toLabel: fromLabel, before: db.bToA, after: da.bToA, kind: k2 });
        }
      }
    });
  }
  return out;
}
