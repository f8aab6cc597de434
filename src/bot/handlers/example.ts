import { parseCached as parse } from '../parse-cache';
import { phrase } from '../../language/phrase';
import type { Reply, Turn } from '../turn';
import * as views from '../views';
import { route } from '../router';
import { requestChange } from './change';
import { undo } from './history';

/**
 * A help or welcome example button. It never acts and never confirms: a question is answered as if
 * typed; a change or an undo becomes a preview for the presser's own organization (the example's
 * sample organization is replaced), and for someone who is not an admin, an explanation only.
 */
export async function example(turn: Turn, text: string): Promise<Reply[]> {
  const parsed = parse(text);
  if (!parsed.ok) return [views.notUnderstood(text, parsed)];
  const command = parsed.command;
  const asked = { ...turn, request: `[example] ${text}` };
  switch (command.kind) {
    case 'confirm':
    case 'cancel':
      return [views.info(`This example button does nothing by itself: after a preview of a change, type "${text}" to ${command.kind === 'confirm' ? 'make the change' : 'drop it'}.`)];
    case 'change':
    case 'undo': {
      const own = ownAdminOrg(turn);
      if (own === undefined) {
        const words = command.kind === 'change' ? (phrase({ ...command, change: { ...command.change, org: '' } }) ?? text) : 'undo';
        const org = turn.sender.org?.name;
        return [views.info(`Nothing was changed: only admins change settings. An admin${org ? ` of ${org}` : ''} can type "${words}" to see a preview of it.`)];
      }
      return command.kind === 'change' ? requestChange(asked, { ...command.change, org: own }) : undo(asked, { kind: 'undo', orgRef: own });
    }
    default:
      return route(asked, command);
  }
}

/** The organization an example change is previewed for: the sender's own if they administer it. */
function ownAdminOrg(turn: Turn): string | undefined {
  const { sender } = turn;
  if (sender.address === '') return undefined;
  if (sender.org && sender.adminOf.includes(sender.org.id)) return sender.org.id;
  return sender.adminOf[0];
}
