import type { OrgStateView } from '../policy/types';
import { runAction, type ExecuteAction } from './actions';
import { bullets, count } from './format';
import { DOMAINS_PER_PAGE, PREVIEW_SIZE, slicePage } from './paging';

export type ListKey = 'allowed' | 'blocked' | 'trial';

export interface ListSection {
  heading: string;
  note: string;
  body: string;
  pager: string;
  actions: ExecuteAction[];
}

const NAMES: Record<ListKey, string> = {
  allowed: 'Allowed domains',
  blocked: 'Blocked domains',
  trial: 'Trial-only tenants allowed as exceptions',
};

const IN_EFFECT_NOTES: Record<ListKey, string> = {
  allowed: 'In effect: only these domains can be reached.',
  blocked: 'In effect: every external domain except these can be reached.',
  trial: 'In effect: these trial-only tenants can be reached although trial tenants are blocked.',
};

/** One list on the state card: the focused list is paged, the others show a preview. */
function section(
  orgId: string,
  key: ListKey,
  domains: readonly string[],
  note: string,
  focus: { list: ListKey; page: number },
): ListSection {
  const focused = focus.list === key;
  const slice = slicePage(domains, focused ? focus.page : 0, focused ? DOMAINS_PER_PAGE : PREVIEW_SIZE);
  const show = (list: ListKey, page: number) => ({ kind: 'showSettings' as const, orgRef: orgId, list, page });
  const actions: ExecuteAction[] = [];
  let pager = '';
  if (slice.total > slice.items.length) {
    pager = `Showing ${slice.first.toLocaleString('en-US')}–${slice.last.toLocaleString('en-US')} of ${count(slice.total, 'domain')}.`;
    if (!focused) actions.push(runAction(`Show all ${slice.total.toLocaleString('en-US')}`, show(key, 0)));
    else {
      if (slice.page > 0) actions.push(runAction('Previous', show(key, slice.page - 1)));
      if (slice.page < slice.pages - 1) actions.push(runAction('Next', show(key, slice.page + 1)));
    }
  }
  return {
    heading: `${NAMES[key]} (${slice.total.toLocaleString('en-US')})`,
    note,
    body: slice.total === 0 ? 'No domains in this list.' : bullets(slice.items),
    pager,
    actions,
  };
}

/** The list in effect first, then lists stored but ignored by the current rule, then trial exceptions. */
export function listSections(state: OrgStateView, paging?: { list: ListKey; page: number }): ListSection[] {
  const focus = paging ?? { list: state.inEffect.list ?? 'blocked', page: 0 };
  const out: ListSection[] = [];
  if (state.inEffect.list !== null) {
    out.push(section(state.orgId, state.inEffect.list, state.inEffect.domains, IN_EFFECT_NOTES[state.inEffect.list], focus));
  }
  for (const stored of state.storedNotInEffect) {
    const note = `Stored but NOT in effect: the current rule (${state.modeLabel}) ignores this list.`;
    out.push({ ...section(state.orgId, stored.list, stored.domains, note, focus), heading: `${NAMES[stored.list]} — not in effect (${stored.domains.length.toLocaleString('en-US')})` });
  }
  if (state.trialTenants.exceptions.length > 0) {
    out.push(section(state.orgId, 'trial', state.trialTenants.exceptions, state.trialTenants.blocked ? IN_EFFECT_NOTES.trial : 'Trial-only tenants are allowed anyway, so these exceptions change nothing.', focus));
  }
  return out;
}
