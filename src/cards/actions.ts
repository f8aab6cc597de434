import { z } from 'zod';
import { commandSchema, type Command } from '../language/command';

/**
 * The button convention the bot routes on: every button is an `Action.Execute` (verb + data, so
 * Teams updates the card in place) whose fallback is an `Action.Submit` carrying the same data plus
 * `verb`, for clients without Universal Actions (they send a message whose `value.verb` is the verb).
 */
export type Verb = 'run' | 'say' | 'example' | 'confirm' | 'cancel' | 'editList';

export type EditListData = { org: string; list: 'allowed' | 'blocked'; op: 'add' | 'remove' };

export type ActionData =
  | { verb: 'run'; data: { command: Command } }
  | { verb: 'say' | 'example'; data: { text: string } }
  | { verb: 'confirm' | 'cancel'; data: { pendingId: string } }
  | { verb: 'editList'; data: EditListData };

export type ActionStyle = 'default' | 'positive' | 'destructive';

export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: Verb;
  data: Record<string, unknown>;
  style?: ActionStyle;
  fallback: { type: 'Action.Submit'; title: string; data: Record<string, unknown>; style?: ActionStyle };
}

/** Button titles are plain text (no markdown), kept short enough for a Teams button. */
const TITLE_MAX = 60;

function execute(title: string, { verb, data }: ActionData, style?: ActionStyle): ExecuteAction {
  const t = title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;
  const styled = style && style !== 'default' ? { style } : {};
  return {
    type: 'Action.Execute',
    title: t,
    verb,
    data: { ...data },
    ...styled,
    fallback: { type: 'Action.Submit', title: t, data: { ...data, verb }, ...styled },
  };
}

/** A button that runs a command (validated by the bot with `commandSchema`). */
export function runAction(title: string, command: Command, style?: ActionStyle): ExecuteAction {
  return execute(title, { verb: 'run', data: { command } }, style);
}

/** A button that sends `text` as if the person had typed it. */
export function sayAction(title: string, text: string): ExecuteAction {
  return execute(title, { verb: 'say', data: { text } });
}

/**
 * A help or welcome example: it never acts. Questions are answered; a change (or undo) becomes a
 * preview for the presser's own organization, or for someone who is not an admin, an explanation.
 */
export function exampleAction(title: string, text: string): ExecuteAction {
  return execute(title, { verb: 'example', data: { text } });
}

export function confirmAction(pendingId: string, title = 'Confirm'): ExecuteAction {
  return execute(title, { verb: 'confirm', data: { pendingId } }, 'positive');
}

export function cancelAction(pendingId: string, title = 'Cancel'): ExecuteAction {
  return execute(title, { verb: 'cancel', data: { pendingId } });
}

/**
 * A button that adds or removes the domain typed in the card's `Input.Text` with id
 * {@link DOMAIN_INPUT_ID}; the client merges the input's value into the data as `domain`.
 */
export function editListAction(title: string, data: EditListData, style?: ActionStyle): ExecuteAction {
  return execute(title, { verb: 'editList', data: { ...data } }, style);
}

export const DOMAIN_INPUT_ID = 'domain';

const id = z.string().min(1).max(100);

/**
 * Incoming card-action data (untrusted): the verb plus its fields. Unknown keys are stripped, not
 * refused, because clients merge every input on the card (e.g. `domain`) into every button's data.
 */
export const cardActionSchema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('run'), command: commandSchema }),
  z.object({ verb: z.literal('say'), text: z.string().trim().min(1).max(500) }),
  z.object({ verb: z.literal('example'), text: z.string().trim().min(1).max(500) }),
  z.object({ verb: z.literal('confirm'), pendingId: id }),
  z.object({ verb: z.literal('cancel'), pendingId: id }),
  z.object({
    verb: z.literal('editList'),
    org: id,
    list: z.enum(['allowed', 'blocked']),
    op: z.enum(['add', 'remove']),
    /** The Input.Text value; absent or empty when nothing was typed. */
    domain: z.string().max(4000).optional(),
  }),
]);
export type CardAction = z.infer<typeof cardActionSchema>;
