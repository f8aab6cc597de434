import { evaluateReach, domainStatus, describeOrganization, reachMatrix } from '../../policy';
import { normalizeDomain } from '../../policy/domain';
import type { Command } from '../../language/command';
import type { Reply, Turn } from '../turn';
import * as views from '../views';
import { rendered } from '../render-cache';
import { targetOrganization } from './change';

type Of<K extends Command['kind']> = Extract<Command, { kind: K }>;

/** "can A reach B?" — or "why can't I reach B?" with the sender as A. */
export async function reach(turn: Turn, command: Of<'reach'>): Promise<Reply[]> {
  const from = command.from ?? turn.sender.address;
  if (from === '') {
    return [views.error('I could not tell who you are, so name both people: "can ann@contosowest.com reach rob@contosoeast.com?"')];
  }
  // A bare domain stands for anyone in it.
  const to = command.to.includes('@') ? command.to : `someone@${command.to}`;
  const model = turn.deps.store.read();
  // The medium matters: a meeting is not a chat (anonymous join), a personal account takes no calls.
  const key = `reach|${from}|${to}|${command.medium ?? ''}|${turn.sender.adminOf.join(',')}`;
  return [rendered(model, key, () => views.verdict(evaluateReach(model, from, to, command.medium), turn.sender.adminOf))];
}

export async function showSettings(turn: Turn, command: Of<'showSettings'>): Promise<Reply[]> {
  const target = targetOrganization(turn, command.orgRef ?? '');
  if ('error' in target) return [views.error(target.error)];
  const model = turn.deps.store.read();
  const org = target.org;
  if (!org.managed) {
    return [views.info(`${org.name} is known here by name only: its settings are kept by its own admins, so I cannot show them. Ask "can I reach someone@${org.domains[0] ?? ''}?" to see what our side permits.`)];
  }
  const canAct = turn.sender.adminOf.includes(org.id);
  const key = `settings|${org.id}|${canAct}|${command.list ?? ''}|${command.page ?? 0}`;
  return [
    rendered(model, key, () => {
      const state = describeOrganization(model, org.id);
      if (!state) return views.error(`I have no settings for ${org.name}.`);
      const lastChange = turn.deps.store.lastChange(org.id);
      return views.orgState({ state, matrix: reachMatrix(model), lastChange, canAct, list: command.list, page: command.page ?? 0 });
    }),
  ];
}

export async function domainQuestion(turn: Turn, command: Of<'domainStatus'>): Promise<Reply[]> {
  const target = targetOrganization(turn, command.orgRef ?? '');
  if ('error' in target) return [views.error(target.error)];
  const d = normalizeDomain(command.domain);
  if (!d.ok) return [views.error(`${d.reason}.`)];
  if (!target.org.managed) return [views.info(`${target.org.name}'s settings are unknown to me, so I cannot tell whether it allows ${d.domain.display}.`)];
  return [views.domainStatus(domainStatus(turn.deps.store.read(), target.org.id, d.domain.ascii), target.org.name)];
}

export async function whoCanWeTalkTo(turn: Turn, command: Of<'whoCanWeTalkTo'>): Promise<Reply[]> {
  const target = targetOrganization(turn, command.orgRef ?? '');
  if ('error' in target) return [views.error(target.error)];
  const model = turn.deps.store.read();
  if (!target.org.managed) return [views.info(`${target.org.name}'s settings are unknown to me.`)];
  const state = describeOrganization(model, target.org.id);
  if (!state) return [views.error(`I have no settings for ${target.org.name}.`)];
  return [views.whoCanWeTalkTo(state, reachMatrix(model))];
}

export async function matrix(turn: Turn): Promise<Reply[]> {
  return [views.matrix(reachMatrix(turn.deps.store.read()))];
}
