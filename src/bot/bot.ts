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
import type { BotDeps, Reply, Turn } from './turn';
import { readCardAction, type CardRequest } from './card-action';
import { cancel, confirm } from './handlers/confirm';
import { example } from './handlers/example';
import { handlePaste } from './handlers/tenant';
import { classifyPaste, type Pasted } from './paste';
import * as views from './views';

const CARD_ACTION_INVOKE = 'adaptiveCard/action';

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
        const turn = await this.turnFor(context, 'welcome');
        await this.send(context, [views.help(turn.sender.role === 'admin' ? 'admin' : 'user', true)]);
      }
      await next();
    });
  }

  protected async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== CARD_ACTION_INVOKE) return super.onInvokeActivity(context);
    const value = context.activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined;
    const replies = await this.handleCardAction(context, { verb: value?.action?.verb, ...asObject(value?.action?.data) });
    const [first, ...rest] = replies;
    if (first?.inPlace && first.card) {
      await this.send(context, rest);
      return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: first.card } };
    }
    await this.send(context, replies);
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: first?.summary ?? 'Done' } };
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
    if (shared && !isMentioned(activity)) return;
    // Pasted tenant output, whole lists, attached files and exports are read before the parser.
    const pasted = classifyPaste(TurnContext.removeRecipientMention(activity) ?? activity.text ?? '', activity.attachments ?? []);
    if (pasted) {
      const turn = await this.turnFor(context, pasteRequest(pasted));
      await this.send(context, await handlePaste(turn, pasted));
      return;
    }
    const text = cleanText(activity);
    if (text === '') {
      const turn = await this.turnFor(context, text);
      await this.send(context, [views.help(turn.sender.role === 'admin' ? 'admin' : 'user', false)]);
      return;
    }
    const turn = await this.turnFor(context, text);
    const parsed = parse(text);
    if (!parsed.ok) {
      await this.send(context, [views.notUnderstood(text, parsed.reason, parsed.suggestions)]);
      return;
    }
    const notes = parsed.notes.map((n: string) => views.info(n));
    await this.send(context, [...notes, ...(await route(turn, parsed.command))]);
  }

  private async handleCardAction(context: TurnContext, raw: Record<string, unknown>): Promise<Reply[]> {
    const request = readCardAction(raw);
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
        if (!parsed.ok) return [views.notUnderstood(request.text, parsed.reason, parsed.suggestions)];
        return route({ ...turn, request: request.text }, parsed.command);
      }
      case 'example':
        return example(turn, request.text);
      case 'command':
        return route(turn, request.command as Command);
    }
  }

  private async turnFor(context: TurnContext, request: string): Promise<Turn> {
    const sender = await identify(context, this.deps.store.read(), this.deps.botAdmins, this.deps.identity, this.deps.log);
    return { deps: this.deps, sender, conversationId: context.activity.conversation?.id ?? '', request, now: this.deps.clock() };
  }

  private async send(context: TurnContext, replies: Reply[]): Promise<void> {
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
