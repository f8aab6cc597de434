import type { Command } from '../language/command';
import { requestChange } from './handlers/change';
import { cancel, confirm } from './handlers/confirm';
import { history, undo } from './handlers/history';
import { comparison, feature, featureUnknown, help } from './handlers/reference';
import { domainQuestion, matrix, reach, showSettings, whoCanWeTalkTo } from './handlers/questions';
import { howto } from './handlers/howto';
import { whatIf } from './handlers/whatIf';
import { perMedium } from './handlers/perMedium';
import type { Reply, Turn } from './turn';

/**
 * Every command kind has exactly one handler; the compiler checks the table is complete, so a new
 * command cannot be parsed and then silently ignored.
 */
const routes: { [K in Command['kind']]: (turn: Turn, command: Extract<Command, { kind: K }>) => Promise<Reply[]> } = {
  change: (turn, c) => requestChange(turn, c.change),
  confirm: (turn) => confirm(turn),
  cancel: (turn) => cancel(turn),
  reach,
  domainStatus: domainQuestion,
  whoCanWeTalkTo,
  matrix,
  showSettings,
  comparison,
  feature,
  featureUnknown,
  whatIf,
  perMedium,
  howto,
  help: (turn) => help(turn),
  undo,
  history,
};

export function route(turn: Turn, command: Command): Promise<Reply[]> {
  const handler = routes[command.kind] as (turn: Turn, command: Command) => Promise<Reply[]>;
  return handler(turn, command);
}
