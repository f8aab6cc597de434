import {
  evaluateReach,
  domainStatus,
  describeOrganization,
  reachMatrix,
  reachMatrixPage,
  partnersOf,
  counterpartIds,
  reachWith,
  tenantsOf,
  CONSUMER_ID,
  OTHER_ID,
} from '../../policy';
import { normalizeDomain } from '../../policy/domain';
import { findOrganization, organizationOfAddress } from '../../policy/organizations';
import { CONSUMER_DOMAINS } from '../../policy/participant';
import type { PolicyModel } from '../../policy/model';
import { unknownOrganization } from '../unknown-org';
import type { Command } from '../../language/command';
import { MATRIX_MAX_ORGS, PARTNERS_ON_CARD } from '../../cards/matrixView';
import { slicePage } from '../../cards/paging';
import { extrasSummary } from '../../tenant';
import type { Reply, Turn } from '../turn';
import * as views from '../views';
import { rendered } from '../render-cache';
import { recentPartners, rememberPartners } from '../recent-partners';
import { targetOrganization } from './change';

type Of<K extends Command['kind']> = Extract<Command, { kind: K }>;

/** Rows per page of "who can we talk to" and pairs per page of "who can reach whom" (a card holds 60 facts). */
export const ROWS_PER_PAGE = 40;

/** "can A reach B?" — or "why can't I reach B?" with the sender as A. */
export async function reach(turn: Turn, command: Of<'reach'>): Promise<Reply[]> {
  if (command.from === undefined && turn.sender.address === '') {
    return [views.error('I could not tell who you are, so name both people: "can ann@contosowest.com reach rob@contosoeast.com?"')];
  }
  const model = turn.deps.store.read();
  const first = asAddress(model, turn, command.from ?? turn.sender.address, command);
  if ('refused' in first) return [first.refused];
  const second = asAddress(model, turn, command.to, command);
  if ('refused' in second) return [second.refused];
  const [from, to] = [first.address, second.address];
  const a = organizationOfAddress(model, from);
  const b = organizationOfAddress(model, to);
  if (a && b) rememberPartners(a.id, b.id);
  // The medium matters: a meeting is not a chat (anonymous join), a personal account takes no calls.
  // Who reads it decides the next step: a fix button for their own side, or whom to ask.
  const own = turn.sender.org;
  const viewer = own ? { orgId: own.id, admins: own.admins } : {};
  const key = `reach|${from}|${to}|${command.medium ?? ''}|${turn.sender.adminOf.join(',')}|${own?.id ?? ''}`;
  return [rendered(model, key, () => views.verdict(evaluateReach(model, from, to, command.medium), turn.sender.adminOf, viewer))];
}

/**
 * A party of a reach question as an address: an address as it is; a domain, or an organization by
 * its name or id ("can I reach Fabrikam?"), as anyone at that domain (the organization's first). A
 * name nobody here has gets "I don't know an organization called …", not a verdict on an address
 * that is none.
 */
function asAddress(model: PolicyModel, turn: Turn, party: string, asked: Of<'reach'>): { address: string } | { refused: Reply } {
  if (!isName(party)) return { address: party.includes('@') ? party : `someone@${party}` };
  const domain = findOrganization(model, party)?.domains[0] ?? mailService(party);
  if (domain !== undefined) return { address: `someone@${domain}` };
  return { refused: unknownOrganization(model, turn.sender, party, asked, 'Ask with its domain or an address instead, for example "can I reach rob@fabrikam.com?".') };
}

/** Neither an address nor a domain: an organization's name (or id), looked up in the store. */
const isName = (text: string): boolean => !text.includes('@') && !normalizeDomain(text).ok;

/** "Gmail", "Outlook": a public mail service by name, as its domain (its users are personal Teams accounts). */
function mailService(name: string): string | undefined {
  const key = name.trim().toLowerCase();
  return key === 'me' ? undefined : CONSUMER_DOMAINS.find((d) => d.slice(0, d.indexOf('.')) === key);
}

/**
 * The state card: the organization's own settings and its reachability with the organizations that
 * matter (named in its lists, recent partners), one screen of them; never the whole matrix, which is
 * quadratic in organizations — a small grid only when few are known.
 */
export async function showSettings(turn: Turn, command: Of<'showSettings'>): Promise<Reply[]> {
  const target = targetOrganization(turn, command.orgRef ?? '', command);
  if ('refused' in target) return [target.refused];
  const model = turn.deps.store.read();
  const org = target.org;
  if (!org.managed) {
    return [views.info(`${org.name} is known here by name only: its settings are kept by its own admins, so I cannot show them. Ask "can I reach someone@${org.domains[0] ?? ''}?" to see what our side permits.`)];
  }
  const canAct = turn.sender.adminOf.includes(org.id);
  const recent = recentPartners(org.id);
  const key = `settings|${org.id}|${canAct}|${command.list ?? ''}|${command.page ?? 0}|${recent.join(',')}`;
  return [
    rendered(model, key, () => {
      const state = describeOrganization(model, org.id);
      if (!state) return views.error(`I have no settings for ${org.name}.`);
      const ids = counterpartIds(model, org.id, partnersOf(model, org.id, recent));
      // The first screen, then personal accounts and anyone else, which every organization has.
      const screen = [...ids.slice(0, Math.min(PARTNERS_ON_CARD, ids.length - 2)), CONSUMER_ID, OTHER_ID];
      return views.orgState({
        state,
        matrix: reachMatrix(model, MATRIX_MAX_ORGS),
        knownOrgs: tenantsOf(model).length,
        partners: { rows: reachWith(model, org.id, screen) ?? [], total: ids.length },
        lastChange: turn.deps.store.lastChange(org.id),
        canAct,
        list: command.list,
        page: command.page ?? 0,
        notManagedHere: extrasSummary(org.tenantExtras),
      });
    }),
  ];
}

export async function domainQuestion(turn: Turn, command: Of<'domainStatus'>): Promise<Reply[]> {
  const target = targetOrganization(turn, command.orgRef ?? '', command);
  if ('refused' in target) return [target.refused];
  const model = turn.deps.store.read();
  // An organization by name ("is Fabrikam blocked?") is asked about at its first domain.
  const asked = isName(command.domain) ? findOrganization(model, command.domain)?.domains[0] : command.domain;
  if (asked === undefined) return [unknownOrganization(model, turn.sender, command.domain, undefined, 'Ask with its domain instead, for example "is fabrikam.com blocked?".')];
  const d = normalizeDomain(asked);
  if (!d.ok) return [views.error(`${d.reason}.`)];
  if (!target.org.managed) return [views.info(`${target.org.name}'s settings are unknown to me, so I cannot tell whether it allows ${d.domain.display}.`)];
  return [views.domainStatus(domainStatus(model, target.org.id, d.domain.ascii), target.org.name)];
}

/** One page of who an organization can talk to: verdicts for that page's rows only. */
export async function whoCanWeTalkTo(turn: Turn, command: Of<'whoCanWeTalkTo'>): Promise<Reply[]> {
  const target = targetOrganization(turn, command.orgRef ?? '', command);
  if ('refused' in target) return [target.refused];
  const model = turn.deps.store.read();
  const org = target.org;
  if (!org.managed) return [views.info(`${org.name}'s settings are unknown to me.`)];
  const recent = recentPartners(org.id);
  const key = `talk|${org.id}|${command.page ?? 0}|${recent.join(',')}`;
  return [
    rendered(model, key, () => {
      const state = describeOrganization(model, org.id);
      if (!state) return views.error(`I have no settings for ${org.name}.`);
      const slice = slicePage(counterpartIds(model, org.id, partnersOf(model, org.id, recent)), command.page ?? 0, ROWS_PER_PAGE);
      return views.whoCanWeTalkTo(state, reachWith(model, org.id, slice.items) ?? [], slice);
    }),
  ];
}

/** "Who can reach whom?": one page of pairs, computed for that page only. */
export async function matrix(turn: Turn, command: Of<'matrix'>): Promise<Reply[]> {
  const model = turn.deps.store.read();
  const page = command.page ?? 0;
  return [rendered(model, `matrix|${page}`, () => views.matrix(reachMatrixPage(model, page, ROWS_PER_PAGE)))];
}
