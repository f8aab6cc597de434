import type { Command } from '../../language/command';
import { phraseChange } from '../../language';
import { plan } from '../../policy';
import * as cards from '../../cards';
import type { Reply, Turn } from '../turn';
import * as views from '../views';
import { targetOrganization } from './change';
import { showSettings } from './questions';

type Of<K extends Command['kind']> = Extract<Command, { kind: K }>;

/**
 * "What happens if I block x.com?": the plan of the change, shown with no Confirm and never stored.
 * Planned as an admin of the organization would see it, because only the impact is wanted.
 */
export async function whatIf(turn: Turn, command: Of<'whatIf'>): Promise<Reply[]> {
  const target = targetOrganization(turn, command.change.org, command);
  if ('refused' in target) return [target.refused];
  const org = target.org;
  const actor = { ...turn.sender, adminOf: [...new Set([...turn.sender.adminOf, org.id])] };
  const result = plan(turn.deps.store.read(), { ...command.change, org: org.id }, actor, turn.now);
  if (!result.ok) return [views.error(`${result.reason} Nothing was changed.`)];
  if (result.plan.diff.length === 0) {
    // The settings as the asker sees them: an admin's card keeps its buttons (each only previews) and
    // never tells that admin "only an admin can change these settings".
    const settings = await showSettings(turn, { kind: 'showSettings', orgRef: org.id });
    return [views.nothingToChange(views.whyNothing(result.plan), 'Nothing would change'), ...settings];
  }
  const canAct = turn.sender.adminOf.includes(org.id);
  return [cards.whatIfCard({ plan: result.plan, command: canAct ? phraseChange(command.change) : undefined })];
}
