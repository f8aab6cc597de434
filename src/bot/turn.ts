import type { Command } from '../language/command';
import type { PolicyStore } from '../store/types';
import type { AttachmentPolicy } from './attachments';
import type { IdentityOptions, Sender } from './identity';
import type { PendingChanges } from './pending';

/** What a handler answers: a card (with its summary for notifications) or plain text. */
export interface Reply {
  card?: object;
  summary: string;
  /** Card replies that should replace the card a button was pressed on (Action.Execute). */
  inPlace?: boolean;
  /** Text files to attach where the channel takes files from bots (an export's .ps1). */
  files?: { name: string; contentType: string; text: string }[];
}

export interface BotDeps {
  store: PolicyStore;
  botAdmins: readonly string[];
  /** Which channels' word is taken about who is asking. */
  identity: IdentityOptions;
  pending: PendingChanges;
  clock: () => Date;
  log: (message: string) => void;
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
