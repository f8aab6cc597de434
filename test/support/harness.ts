import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, type AppOptions, type RunningApp } from '../../src/app';
import { parseConfig } from '../../src/config';
import { readAuditLines } from '../store/readStore';
import { captureLogs, type CapturedLogs } from './logs';

export const DEMO_SEED = path.resolve(__dirname, '../../data/demo-policy.json');
export const ADMINS = 'admin@contosoeast.com,admin@contosowest.com';

export interface Attachment {
  contentType: string;
  content: Record<string, unknown>;
}
export interface ReplyActivity {
  type: string;
  text?: string;
  summary?: string;
  attachments?: Attachment[];
  value?: unknown;
}

export interface TestBot {
  url: string;
  storeFile: string;
  dir: string;
  /** What the app logged (JSON lines at LOG_LEVEL, info unless the env says). */
  logs: CapturedLogs;
  /** Moves the bot's clock. */
  advance(ms: number): void;
  /** Posts a message as `from` with deliveryMode expectReplies and returns the replies. */
  say(from: string, text: string, extra?: Record<string, unknown>): Promise<ReplyActivity[]>;
  /** Posts an Action.Execute invoke (adaptiveCard/action) and returns the replies (incl. the invokeResponse). */
  invoke(from: string, verb: string, data: Record<string, unknown>, extra?: Record<string, unknown>): Promise<ReplyActivity[]>;
  /** Posts an Action.Submit (a message whose value carries the verb). */
  submit(from: string, value: Record<string, unknown>, extra?: Record<string, unknown>): Promise<ReplyActivity[]>;
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  storeBytes(): Buffer;
  storeJson(): { organizations: Array<Record<string, any>>; audit: Array<Record<string, any>> };
  /** Stops the app (graceful: in-flight turns and writes finish) but keeps the store file. */
  stop(): Promise<void>;
  /** Stops the app if still running and removes the temp folder. */
  close(): Promise<void>;
}

let counter = 0;

/**
 * `shared` hands the app an opened policy store and a confirmation store instead of its own (two
 * bots of one test sharing them, as two processes share a database); `storeFile` and the helpers
 * reading it then name this bot's unused temp file, so read the shared store's own file.
 */
export async function startTestBot(
  env: Record<string, string> = {},
  startAt = new Date('2026-11-24T10:00:00Z'),
  shared: Pick<AppOptions, 'store' | 'confirmations'> = {},
): Promise<TestBot> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fa-test-'));
  const storeFile = path.join(dir, 'policy.json');
  const loaded = parseConfig({ PORT: '0', POLICY_DB: storeFile, BOT_ADMINS: ADMINS, ...env });
  if (!loaded.ok) throw new Error(loaded.error);
  let now = startAt.getTime();
  const logs = captureLogs(loaded.config.logLevel);
  const started = await startApp(loaded.config, { seedFile: DEMO_SEED, clock: () => new Date(now), logger: logs.logger, ...shared });
  if (!started.ok) throw new Error(started.error);
  const app: RunningApp = started.app;
  const url = `http://127.0.0.1:${app.port}`;

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopped ??= app.close());

  const post = (body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  const activity = (from: string, fields: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    id: `a${++counter}`,
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: from, name: from.split('@')[0] },
    recipient: { id: 'federation-assistant', name: 'Federation Assistant' },
    conversation: { id: `conv-${from}`, conversationType: 'personal' },
    deliveryMode: 'expectReplies',
    ...fields,
    ...extra,
  });

  const exchange = async (body: unknown): Promise<ReplyActivity[]> => {
    const res = await post(body);
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}\n${logs.text()}`);
    const json = (await res.json()) as { activities?: ReplyActivity[] };
    return json.activities ?? [];
  };

  return {
    url,
    storeFile,
    dir,
    logs,
    advance: (ms) => {
      now += ms;
    },
    say: (from, text, extra) => exchange(activity(from, { type: 'message', text }, extra)),
    invoke: (from, verb, data, extra) =>
      exchange(
        activity(
          from,
          { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } },
          extra,
        ),
      ),
    submit: (from, value, extra) => exchange(activity(from, { type: 'message', text: '', value }, extra)),
    post,
    storeBytes: () => readFileSync(storeFile),
    // The state file plus the append-only audit log beside it (store schema v3).
    storeJson: () => ({ ...JSON.parse(readFileSync(storeFile, 'utf8')), audit: readAuditLines(storeFile).map((line) => line.entry) }),
    stop,
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The Adaptive Card of a reply, or undefined. */
export function cardOf(reply: ReplyActivity | undefined): Record<string, any> | undefined {
  return reply?.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

/** All text a person would read on a card (TextBlock text, FactSet facts, action titles), in order. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (typeof n.text === 'string') out.push(n.text);
    if (typeof n.title === 'string') out.push(n.title);
    if (typeof n.value === 'string' && n.type === 'Fact') out.push(n.value);
    for (const [k, v] of Object.entries(n)) if (k !== 'fallback' && typeof v === 'object') walk(v);
  };
  walk(card);
  return out.join('\n');
}

/** The text of all replies (card text or plain text), joined. */
export function repliesText(replies: ReplyActivity[]): string {
  return replies.map((r) => (cardOf(r) ? cardText(cardOf(r)) : (r.text ?? ''))).join('\n---\n');
}

/** Finds the first action on a card whose title matches. */
export function findAction(card: unknown, title: RegExp): { verb: string; data: Record<string, unknown> } | undefined {
  let found: { verb: string; data: Record<string, unknown> } | undefined;
  const walk = (node: unknown): void => {
    if (found) return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (n.type === 'Action.Execute' && typeof n.title === 'string' && title.test(n.title)) {
      found = { verb: String(n.verb), data: (n.data ?? {}) as Record<string, unknown> };
      return;
    }
    Object.values(n).forEach(walk);
  };
  walk(card);
  return found;
}

/** Every card in a set of replies, including one returned in an invoke response (updated in place). */
export function cardsOf(replies: ReplyActivity[]): Record<string, any>[] {
  const out: Record<string, any>[] = [];
  for (const r of replies) {
    const c = cardOf(r);
    if (c) out.push(c);
    const body = r.type === 'invokeResponse' ? (r.value as { body?: { value?: unknown } } | undefined)?.body : undefined;
    if (body && typeof body.value === 'object' && body.value !== null) out.push(body.value as Record<string, any>);
  }
  return out;
}

/**
 * A conversation as the transcripts write it: a step is typed text, or "!Title" to press a button
 * whose title starts with Title (as Action.Execute, like Teams) on the latest card that has one —
 * `previous` is the chat so far, oldest first, so a person can scroll up and press an older button.
 */
export async function step(bot: TestBot, who: string, says: string, previous: ReplyActivity[]): Promise<ReplyActivity[]> {
  if (!says.startsWith('!')) return bot.say(who, says);
  const want = says.slice(1).toLowerCase();
  let action: { verb: string; data: Record<string, unknown> } | undefined;
  for (const card of cardsOf(previous).reverse()) {
    action = findAction(card, new RegExp(`^${want.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i'));
    if (action) break;
  }
  if (!action) throw new Error(`no button "${says.slice(1)}" in: ${repliesText(previous)}`);
  return bot.invoke(who, action.verb, action.data);
}

/** Text of every reply including in-place card updates. */
export function allText(replies: ReplyActivity[]): string {
  return cardsOf(replies).map(cardText).concat(replies.filter((r) => r.type === 'message' && !cardOf(r)).map((r) => r.text ?? '')).join('\n---\n');
}
