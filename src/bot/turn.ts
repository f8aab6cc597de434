import type { Command } from '../language/command';
import type { Logger } from '../ops/logger';
import type { ConfirmationStore } from '../store/confirmations';
import type { PolicyStore } from '../store/types';
import type { AttachmentPolicy } from './attachments';
import type { IdentityOptions, Sender } from './identity';
import type { PlanMemo } from './plan-memo';

/** What a handler answers: a card (with its summary for notifications) or plain text. */
export interface Reply {
  card?: object;
  summary: string;
  /** Card replies that should replace the card a button was pressed on (Action.Execute). */
  inPlace?: boolean;
  /** Text files to attach where the channel takes files from bots (an export's .ps1). */
  files?: { name: string; contentType: string; text: string }[];
  /** What this reply means for the turn's outcome (logs, metrics); a plain answer when absent. */
  outcome?: Exclude<TurnResult, 'answered' | 'error'>;
}

/** How a turn ended, for the logs and metrics: a bounded set. */
export type TurnResult = 'answered' | 'previewed' | 'confirmed' | 'refused' | 'error';

/** One finished turn as the operator sees it: never the text, never an address. */
export interface TurnOutcome {
  /** The kind of request: a command kind ("change", "reach"…), a card verb, "notUnderstood"… */
  kind: string;
  result: TurnResult;
  seconds: number;
}

export interface BotDeps {
  store: PolicyStore;
  botAdmins: readonly string[];
  /** Which channels' word is taken about who is asking. */
  identity: IdentityOptions;
  /** Previews waiting for Confirm: in memory, or in the database shared by several bot processes. */
  pending: ConfirmationStore;
  /** This process's latest previewed plan; a Confirm that lands on another process plans again. */
  plans: PlanMemo;
  clock: () => Date;
  /** Info lines carry ids and outcomes only; text and addresses go to debug. */
  log: Logger;
  /** Told once per turn how it ended (the composition root counts it); optional for tools and tests. */
  onTurnEnd?: (outcome: TurnOutcome) => void;
  /** Where attached files may be fetched from; production limits when absent. */
  attachments?: AttachmentPolicy;
}

/** One turn's facts, resolved once by the bot and handed to every handler. */
export interface Turn {
  deps: BotDeps;
  sender: Sender;
  conversationId: string;
  /** What the person typed, or a description of the button they pressed (for the audit log). */
  request: string;
  now: Date;
}

export type Handler<K extends Command['kind']> = (turn: Turn, command: Extract<Command, { kind: K }>) => Promise<Reply[]>;

/** Where a turn's note lives in `context.turnState`, so the adapter's error handler can name the turn. */
export const TURN_NOTE = Symbol('federation-assistant.turn-note');

/** What the bot learns about a turn as it runs (kind, sender's organization, outcome), logged when it ends. */
export interface TurnNote {
  turnId: string;
  kind: string;
  orgId?: string;
  result: TurnResult;
  /** The logger whose lines carry this turn's id. */
  log: Logger;
}
