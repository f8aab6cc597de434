import stateTemplate from '../../cards/federation-state.json';
import type { OrgStateView, ReachMatrix } from '../policy/types';
import { editListAction, runAction, type ExecuteAction } from './actions';
import { clip, count, show, when, whenPlain } from './format';
import { listSections, type ListKey, type ListSection } from './stateLists';
import { matrixView, partnersView, type MatrixView, type PartnersInput, type PartnersView } from './matrixView';
import { MODE_BUTTONS, MODE_ORDER } from './modes';
import { compileTemplate, type BoundCard } from './template';

export interface LastChange {
  /** Display name or address of who changed it. */
  who: string;
  /** ISO 8601. */
  when: string;
  /** The audit entry to undo; the latest change when absent. */
  entryId?: string;
}

export interface FederationStateInput {
  state: OrgStateView;
  /** The grid, built by the caller only when few organizations are known. */
  matrix?: ReachMatrix;
  /** How many organizations are known, when no grid was built: the card offers the paged matrix. */
  knownOrgs?: number;
  /** Reachability with the organizations that matter to this one (first screen). */
  partners?: PartnersInput;
  lastChange?: LastChange;
  /** The viewer administers this organization: show the controls. */
  canAct: boolean;
  /** Which list to page and the page (from 0), from a showSettings command. */
  paging?: { list: ListKey; page: number };
  /** The tenant's properties the bot does not manage, as imported, in one short line ('' or absent: none). */
  notManagedHere?: string;
}

interface StateData {
  fallbackText: string;
  title: string;
  subtitle: string;
  notice: string;
  facts: { title: string; value: string }[];
  lists: ListSection[];
  policies: { title: string; value: string }[];
  notManagedHere: string;
  matrix: MatrixView;
  partners: PartnersView;
  lastChange: string;
  canAct: boolean;
  editActions: ExecuteAction[];
  modeActions: ExecuteAction[];
  adminActions: ExecuteAction[];
  readOnlyNote: string;
}

const expand = compileTemplate<StateData>(stateTemplate);
const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

function facts(s: OrgStateView): StateData['facts'] {
  const out = [
    { title: 'External access', value: s.federation ? 'On' : 'Off: nobody here can talk to other organizations' },
    { title: 'Domain rule', value: s.modeLabel },
  ];
  out.push(
    { title: 'Subdomains of blocked domains', value: s.blockAllSubdomains ? 'Blocked too' : 'Not blocked' },
    { title: 'Unmanaged Teams accounts', value: `Our users can start: ${yesNo(s.teamsConsumer.outbound)} · They can start: ${yesNo(s.teamsConsumer.inbound)}` },
    { title: 'Trial-only tenants', value: s.trialTenants.blocked ? `Blocked (${count(s.trialTenants.exceptions.length, 'exception')})` : 'Allowed' },
  );
  return out;
}

function adminControls(s: OrgStateView, last: LastChange | undefined) {
  const lists: ('allowed' | 'blocked')[] = s.inEffect.list === 'allowed' ? ['allowed', 'blocked'] : ['blocked'];
  const size = (list: 'allowed' | 'blocked') =>
    list === s.inEffect.list ? s.inEffect.domains.length : (s.storedNotInEffect.find((l) => l.list === list)?.domains.length ?? 0);
  // "Remove from" only when there is something to remove.
  const editActions = lists.flatMap((list) => [
    editListAction(`Add to ${list} list`, { org: s.orgId, list, op: 'add' }),
    ...(size(list) > 0 ? [editListAction(`Remove from ${list} list`, { org: s.orgId, list, op: 'remove' })] : []),
  ]);
  // One red button on the card at most: turning external access off. The rest are previews anyway.
  const modeActions = MODE_ORDER.filter((m) => m !== s.mode).map((mode) =>
    runAction(MODE_BUTTONS[mode], { kind: 'change', change: { kind: 'setDomainMode', org: s.orgId, mode } }),
  );
  const federation = { kind: 'change' as const, change: { kind: 'setFederation' as const, org: s.orgId, enabled: !s.federation } };
  const adminActions = [
    runAction(s.federation ? 'Turn external access off' : 'Turn external access on', federation, s.federation ? 'destructive' : 'positive'),
    runAction('History', { kind: 'history', orgRef: s.orgId, page: 0 }),
  ];
  if (last) adminActions.push(runAction('Undo last change', { kind: 'undo', orgRef: s.orgId, ...(last.entryId ? { entryId: last.entryId } : {}) }));
  return { editActions, modeActions, adminActions };
}

/** Card 1: the federation state of one organization; controls only for its admins. */
export function federationStateCard(input: FederationStateInput): BoundCard {
  const { state: s, lastChange } = input;
  const canAct = input.canAct && s.managed;
  const controls = canAct ? adminControls(s, lastChange) : { editActions: [], modeActions: [], adminActions: [] };
  const listed = s.inEffect.list ? `, ${count(s.inEffect.domains.length, `${s.inEffect.list} domain`)}` : '';
  const summary = `External access for ${clip(s.orgName, 120)}: ${s.federation ? 'on' : 'off'}, ${s.modeLabel}${listed}.`;
  const data: StateData = {
    fallbackText: summary + (lastChange ? ` Last change ${whenPlain(lastChange.when)} by ${clip(lastChange.who, 120)}.` : ''),
    title: `External access — ${show(s.orgName, 120)}`,
    subtitle: s.domains.length > 0 ? show(s.domains.slice(0, 10).join(', ') + (s.domains.length > 10 ? ` and ${s.domains.length - 10} more` : ''), 600) : ' ',
    notice: s.managed ? '' : 'This organization is not managed here: these are the settings we know, and only its own admin can change them.',
    facts: facts(s),
    lists: listSections(s, input.paging),
    policies: s.policiesInUse.map((p) => ({ title: show(p.name, 64), value: `${count(p.users, 'user')}: ${show(p.summary)}` })),
    // Capped: a tenant can have many such properties, and the card must stay well under 40 KB.
    notManagedHere: input.notManagedHere ? `Not managed here (as imported from the tenant): ${show(input.notManagedHere, 800)}` : '',
    matrix: matrixView(input.matrix, input.knownOrgs),
    partners: partnersView(input.partners),
    lastChange: lastChange ? `Last change ${when(lastChange.when)} by ${show(lastChange.who, 120)}` : '',
    canAct,
    ...controls,
    readOnlyNote: `Read-only: only an admin of ${show(s.orgName, 120)} can change these settings.`,
  };
  return { card: expand(data), summary };
}
