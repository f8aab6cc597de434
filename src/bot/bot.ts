import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurnOfTheLoop } from 'node:timers/promises';
import {
  ActivityHandler,
  CardFactory,
  MessageFactory,
  TurnContext,
  type InvokeResponse,
} from 'botbuilder';
import { parseCached as parse } from './parse-cache';
import type { Command } from '../language/command';
import { identify } from './identity';
import { warmUp } from './warm-up';
import { route } from './router';
import { TURN_NOTE, type BotDeps, type Reply, type Turn, type TurnNote, type TurnResult } from './turn';
import { readCardAction, type CardRequest } from './card-action';
import { cancel, confirm } from './handlers/confirm';
import { example } from './handlers/example';
import { handlePaste } from './handlers/tenant';
import { classifyPaste, type Pasted } from './paste';
import * as views from './views';

const CARD_ACTION_INVOKE = 'adaptiveCard/action';

const STORE_UNREACHABLE = 'The policy store cannot be reached right now, so I can neither answer nor change anything. Nothing was changed; please try again in a minute.';

/** Activity types counted by name; anything else a client sends is "other" (metric labels stay few). */
const ACTIVITY_KINDS = new Set(['message', 'invoke', 'conversationUpdate', 'installationUpdate', 'messageReaction', 'typing', 'event', 'endOfConversation']);

/** When one turn's replies mean several things, the strongest one names its outcome. */
const RESULT_RANK: Record<TurnResult, number> = { answered: 0, refused: 1, previewed: 2, confirmed: 3, error: 4 };

/**
 * The conversation: typed text goes through the language module, card buttons arrive by verb;
 * both end in the same routes. In group chats and channels the bot answers only when @mentioned.
 */
export class FederationBot extends ActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    warmUp(() => deps.store.read());
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const others = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient?.id);
      if (others.length > 0) {
        this.noteKind(context, 'welcome');
        const turn = await this.turnFor(context, 'welcome');
        await this.send(context, [views.help(turn.sender.role === 'admin' ? 'admin' : 'user', true)]);
      }
      await next();
    });
  }

  /**
   * Every turn, timed and noted: one info line when it ends (ids, kind, outcome; never the text or an
   * address, which only debug shows) and the outcome handed to `onTurnEnd` for the metrics.
   */
  async run(context: TurnContext): Promise<void> {
    const started = performance.now();
    const a = context.activity;
    const turnId = randomUUID();
    const note: TurnNote = {
      turnId,
      kind: ACTIVITY_KINDS.has(a.type) ? a.type : 'other',
      result: 'answered',
      log: this.deps.log.child({ turnId }),
    };
    context.turnState.set(TURN_NOTE, note);
    try {
      // Changes other bot processes committed to a shared store are seen from this turn on.
      const synced = await this.deps.store.sync();
      if (!synced.ok) {
        note.result = 'error';
        note.log.error('store: unreachable', { reason: synced.reason });
        await this.answerStoreUnreachable(context);
        return;
      }
      await super.run(context);
    } catch (err) {
      note.result = 'error';
      throw err; // the adapter's onTurnError logs it and apologizes
    } finally {
      const seconds = (performance.now() - started) / 1000;
      note.log.info('turn', { channel: a.channelId, conversationId: a.conversation?.id, orgId: note.orgId, kind: note.kind, result: note.result, ms: Math.round(seconds * 1000) });
      note.log.debug('turn request', { from: a.from?.id, text: a.text ?? undefined });
      this.deps.onTurnEnd?.({ kind: note.kind, result: note.result, seconds });
    }
  }

  protected async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== CARD_ACTION_INVOKE) return super.onInvokeActivity(context);
    const value = context.activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined;
    const replies = await this.handleCardAction(context, { verb: value?.action?.verb, ...asObject(value?.action?.data) });
    this.noteReplies(context, replies);
    const [first, ...rest] = replies;
    if (first?.inPlace && first.card) {
      await this.send(context, rest);
      return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: first.card } };
    }
    await this.send(context, replies);
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: first?.summary ?? 'Done' } };
  }

  /** A message or a button gets the error card, as a failed write does (the reason names the server: it went to the log); other activities get nothing. */
  private async answerStoreUnreachable(context: TurnContext): Promise<void> {
    const a = context.activity;
    if (a.type === 'message') await this.send(context, [views.error(STORE_UNREACHABLE)]);
    else if (a.type === 'invoke' && a.name === CARD_ACTION_INVOKE) {
      await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: STORE_UNREACHABLE } } });
    }
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    // Action.Submit (the fallback of every button) arrives as a message whose value carries the verb.
    if (activity.value !== undefined && typeof activity.value === 'object' && activity.value !== null && 'verb' in activity.value) {
      await this.send(context, await this.handleCardAction(context, activity.value as Record<string, unknown>));
      return;
    }
    const conversationType = activity.conversation?.conversationType;
    const shared = conversationType === 'groupChat' || conversationType === 'channel';
    if (shared && !isMentioned(activity)) {
      this.noteKind(context, 'notMentioned');
      return;
    }
    // Pasted tenant output, whole lists, attached files and exports are read before the parser.
    const pasted = classifyPaste(TurnContext.removeRecipientMention(activity) ?? activity.text ?? '', activity.attachments ?? []);
    if (pasted) {
      this.noteKind(context, `paste:${pasted.kind}`);
      const turn = await this.turnFor(context, pasteRequest(pasted));
      await this.send(context, await handlePaste(turn, pasted));
      return;
    }
    const text = cleanText(activity);
    if (text === '') {
      this.noteKind(context, 'help');
      const turn = await this.turnFor(context, text);
      await this.send(context, [views.help(turn.sender.role === 'admin' ? 'admin' : 'user', false)]);
      return;
    }
    const parsed = parse(text);
    this.noteKind(context, parsed.ok ? parsed.command.kind : 'notUnderstood');
    const turn = await this.turnFor(context, text);
    if (!parsed.ok) {
      await this.send(context, [views.notUnderstood(text, parsed)]);
      return;
    }
    const notes = parsed.notes.map((n: string) => views.info(n));
    await this.send(context, [...notes, ...(await route(turn, parsed.command))]);
  }

  private async handleCardAction(context: TurnContext, raw: Record<string, unknown>): Promise<Reply[]> {
    const request = readCardAction(raw);
    this.noteKind(context, request.ok ? cardKind(request.value) : 'malformedAction');
    const turn = await this.turnFor(context, request.ok ? request.description : '(malformed card action)');
    if (!request.ok) return [views.error(request.reason)];
    return this.runCardRequest(turn, request.value);
  }

  private async runCardRequest(turn: Turn, request: CardRequest): Promise<Reply[]> {
    switch (request.kind) {
      case 'confirm':
        return confirm(turn, request.pendingId);
      case 'cancel':
        return cancel(turn, request.pendingId);
      case 'say': {
        const parsed = parse(request.text);
        if (!parsed.ok) return [views.notUnderstood(request.text, parsed)];
        return route({ ...turn, request: request.text }, parsed.command);
      }
      case 'example':
        return example(turn, request.text);
      case 'command':
        return route(turn, request.command as Command);
    }
  }

  private async turnFor(context: TurnContext, request: string): Promise<Turn> {
    const note = this.note(context);
    const log = note?.log ?? this.deps.log;
    const sender = await identify(context, this.deps.store.read(), this.deps.botAdmins, this.deps.identity, log);
    if (note) note.orgId = sender.org?.id;
    // Right after a change, knowing who asks rebuilds the rosters and the model's index (tens of
    // milliseconds at 10,000 organizations), and the answer may cost as much again: other requests
    // (and /healthz) get a turn of the event loop in between instead of waiting for both.
    await nextTurnOfTheLoop();
    return { deps: { ...this.deps, log }, sender, conversationId: context.activity.conversation?.id ?? '', request, now: this.deps.clock() };
  }

  private note(context: TurnContext): TurnNote | undefined {
    return context.turnState.get(TURN_NOTE) as TurnNote | undefined;
  }

  private noteKind(context: TurnContext, kind: string): void {
    const note = this.note(context);
    if (note) note.kind = kind;
  }

  private noteReplies(context: TurnContext, replies: readonly Reply[]): void {
    const note = this.note(context);
    if (!note) return;
    for (const r of replies) if (r.outcome !== undefined && RESULT_RANK[r.outcome] > RESULT_RANK[note.result]) note.result = r.outcome;
  }

  private async send(context: TurnContext, replies: Reply[]): Promise<void> {
    this.noteReplies(context, replies);
    for (const reply of replies) {
      const activity = reply.card
        ? MessageFactory.attachment(CardFactory.adaptiveCard(reply.card))
        : MessageFactory.text(reply.summary);
      activity.summary = reply.summary;
      // Teams takes files from bots only through its consent flow: there the card's code block is the export.
      if (reply.files && context.activity.channelId !== 'msteams') {
        activity.attachments = [
          ...(activity.attachments ?? []),
          ...reply.files.map((f) => ({ contentType: f.contentType, name: f.name, contentUrl: `data:${f.contentType};base64,${Buffer.from(f.text, 'utf8').toString('base64')}` })),
        ];
      }
      await context.sendActivity(activity);
    }
  }
}

/** A card action's kind: the command it carries, else what the button does (confirm, cancel, example). */
function cardKind(request: CardRequest): string {
  if (request.kind === 'command') return request.command.kind;
  return request.kind;
}

/** The request as the audit log records it: what kind of paste, and whether a file came with it. */
function pasteRequest(p: Pasted): string {
  if (p.kind === 'export') return `export as ${p.format}`;
  const from = 'file' in p && p.file !== undefined ? 'an attached file' : 'pasted text';
  if (p.kind === 'import') return `imported from ${from}`;
  if (p.kind === 'compare') return `compare with ${from}`;
  return `${p.action} from a list in ${from}`;
}

function asObject(x: unknown): Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
}

function isMentioned(activity: TurnContext['activity']): boolean {
  const me = activity.recipient?.id;
  return (activity.entities ?? []).some((e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === me);
}

/** The text with the bot's @mention (and any other <at> tags) removed. */
function cleanText(activity: TurnContext['activity']): string {
  const withoutMe = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
  return withoutMe.replace(/<at>[^<]*<\/at>/gi, ' ').replace(/\s+/g, ' ').trim();
}
