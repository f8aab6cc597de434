/**
 * Talks to a running bot the way a channel does (deliveryMode "expectReplies": the replies come back in
 * the HTTP response) and reads its cards as a person would. Used by `npm run chat` and its tests.
 */

export interface ChatActivity {
  type: string;
  text?: string;
  attachments?: Array<{ contentType?: string; content?: unknown }>;
  value?: unknown;
}

export interface CardAction {
  type: string;
  title: string;
  verb?: string;
  data?: unknown;
}

export interface Exchange {
  status: number;
  activities: ChatActivity[];
  body: string;
}

export interface ChatSession {
  /** Types a message. */
  say(text: string): Promise<Exchange>;
  /** Presses the first button (newest reply first) whose title starts with `title`, case-insensitive. */
  press(title: string): Promise<Exchange | undefined>;
}

export function openChat(url: string, from: string): ChatSession {
  let n = 0;
  let history: ChatActivity[][] = [];
  const base = (): Record<string, unknown> => ({
    id: `chat-${Date.now()}-${n++}`,
    timestamp: new Date().toISOString(),
    channelId: 'emulator',
    locale: 'en-US',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    from: { id: from, name: from.split('@')[0] },
    recipient: { id: 'bot', name: 'bot' },
    conversation: { id: `chat-${from}`, conversationType: 'personal' },
  });

  const send = async (activity: Record<string, unknown>): Promise<Exchange> => {
    const res = await fetch(`${url.replace(/\/+$/, '')}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...base(), ...activity }),
    });
    const body = await res.text();
    let activities: ChatActivity[] = [];
    try {
      activities = (JSON.parse(body) as { activities?: ChatActivity[] }).activities ?? [];
    } catch {
      // Not JSON: an error page; `body` carries it.
    }
    history = [activities, ...history].slice(0, 20);
    return { status: res.status, activities, body };
  };

  return {
    say: (text) => send({ type: 'message', text }),
    press: async (title) => {
      const want = title.toLowerCase();
      const action = history.flatMap((acts) => cardActions(cardsOf(acts))).find((a) => a.title.toLowerCase().startsWith(want));
      if (!action) return undefined;
      if (action.type === 'Action.Execute') {
        return send({
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data ?? {} }, trigger: 'manual' },
        });
      }
      const data = action.data;
      const ms = isObject(data) && isObject(data.msteams) ? data.msteams : undefined;
      const text = typeof data === 'string' ? data : ms?.type === 'imBack' ? ms.value : ms?.type === 'messageBack' ? ms.text : undefined;
      return send({ type: 'message', text: typeof text === 'string' ? text : '', value: isObject(data) ? data : undefined });
    },
  };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The cards of a set of replies, including one returned in an invoke response (a card updated in place). */
export function cardsOf(activities: ChatActivity[]): unknown[] {
  const out: unknown[] = [];
  for (const a of activities) {
    for (const att of a.attachments ?? []) if (att.content !== undefined) out.push(att.content);
    const body = a.type === 'invokeResponse' && isObject(a.value) ? a.value.body : undefined;
    if (isObject(body) && isObject(body.value)) out.push(body.value);
  }
  return out;
}

/** Every titled button on the cards, in reading order (the fallback of an Action.Execute is skipped). */
export function cardActions(node: unknown, out: CardAction[] = []): CardAction[] {
  if (Array.isArray(node)) node.forEach((x) => cardActions(x, out));
  else if (isObject(node)) {
    if (typeof node.type === 'string' && node.type.startsWith('Action.') && typeof node.title === 'string') {
      out.push({ type: node.type, title: node.title, verb: typeof node.verb === 'string' ? node.verb : undefined, data: node.data });
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'fallback' && typeof v === 'object') cardActions(v, out);
  }
  return out;
}

/** A card as lines of text in reading order: text blocks, facts, and [button] titles. */
export function cardLines(node: unknown, out: string[] = [], depth = 0): string[] {
  if (Array.isArray(node)) node.forEach((x) => cardLines(x, out, depth));
  else if (isObject(node)) {
    const pad = '  '.repeat(depth);
    if ((node.type === 'TextBlock' || node.type === 'TextRun') && typeof node.text === 'string') out.push(pad + node.text);
    if (node.type === 'FactSet' && Array.isArray(node.facts)) {
      for (const f of node.facts) if (isObject(f)) out.push(`${pad}${String(f.title)}: ${String(f.value)}`);
    }
    if (typeof node.type === 'string' && node.type.startsWith('Action.') && typeof node.title === 'string') out.push(`${pad}[${node.title}]`);
    for (const [k, v] of Object.entries(node)) {
      if (k === 'facts' || k === 'fallback' || typeof v !== 'object' || v === null) continue;
      cardLines(v, out, depth + (k === 'items' || k === 'columns' ? 1 : 0));
    }
  }
  return out;
}

/** What a person reads of one exchange. */
export function describeExchange(ex: Exchange): string[] {
  const out = [`  (HTTP ${ex.status}, ${ex.activities.length} ${ex.activities.length === 1 ? 'reply' : 'replies'})`];
  if (ex.status >= 400) out.push(`  ${ex.body.slice(0, 300)}`);
  for (const a of ex.activities) if (a.type === 'message' && a.text) out.push(`  ${a.text}`);
  for (const card of cardsOf(ex.activities)) out.push(...cardLines(card).map((l) => `  | ${l}`));
  return out;
}
