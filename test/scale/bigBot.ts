import { quietLogger } from '../support/logs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp } from '../../src/app';
import { parseConfig } from '../../src/config';
import { bigStore } from '../store/bigStore';

/** A reply as the endpoint returns it with deliveryMode expectReplies. */
export interface Activity {
  type: string;
  text?: string;
  value?: unknown;
  attachments?: { contentType: string; content: Record<string, unknown> }[];
}

export interface ScaleBot {
  url: string;
  /** Bytes of the store file the bot opened. */
  storeBytes: number;
  say(from: string, text: string): Promise<Activity[]>;
  invoke(from: string, verb: string, data: Record<string, unknown>): Promise<Activity[]>;
  close(): Promise<void>;
}

let counter = 0;

/** Talks to a running bot through its HTTP endpoint, as a channel would. */
export function clientOf(url: string): Pick<ScaleBot, 'say' | 'invoke'> {
  const exchange = async (from: string, fields: Record<string, unknown>): Promise<Activity[]> => {
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: `s${++counter}`,
        channelId: 'test',
        serviceUrl: 'http://127.0.0.1:9/',
        from: { id: from, name: from.split('@')[0] },
        recipient: { id: 'federation-assistant' },
        conversation: { id: `scale-${from}`, conversationType: 'personal' },
        deliveryMode: 'expectReplies',
        ...fields,
      }),
    });
    if (res.status !== 200) throw new Error(`scale bot: HTTP ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { activities?: Activity[] }).activities ?? [];
  };
  return {
    say: (from, text) => exchange(from, { type: 'message', text }),
    invoke: (from, verb, data) =>
      exchange(from, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } }),
  };
}

/** A temp folder holding the grown store as a seed file; returns its path and size. */
export function writeSeed(extraOrgs: number, domainsPerList: number): { dir: string; seed: string; bytes: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'fa-scale-'));
  const seed = path.join(dir, 'seed.json');
  const json = JSON.stringify(bigStore(extraOrgs, domainsPerList), null, 2);
  writeFileSync(seed, json);
  return { dir, seed, bytes: Buffer.byteLength(json) };
}

/** Starts the real app on a seed file, its store in `dir`. */
export async function startAppOn(dir: string, seed: string): Promise<{ url: string; close: () => Promise<void> }> {
  const cfg = parseConfig({ PORT: '0', POLICY_DB: path.join(dir, 'policy.json'), BOT_ADMINS: 'admin@contosoeast.com' });
  if (!cfg.ok) throw new Error(cfg.error);
  const started = await startApp(cfg.config, { seedFile: seed, logger: quietLogger });
  if (!started.ok) throw new Error(started.error);
  return { url: `http://127.0.0.1:${started.app.port}`, close: () => started.app.close() };
}

/**
 * The real app (store, bot, server) on a store grown like `bigStore(extraOrgs, domainsPerList)`, in
 * this process: the scale test drives it through the HTTP endpoint.
 */
export async function startScaleBot(extraOrgs: number, domainsPerList: number): Promise<ScaleBot> {
  const { dir, seed, bytes } = writeSeed(extraOrgs, domainsPerList);
  const app = await startAppOn(dir, seed);
  return {
    url: app.url,
    storeBytes: bytes,
    ...clientOf(app.url),
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every Adaptive Card in the replies, including one returned in an invoke response. */
export function cards(replies: Activity[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const r of replies) {
    for (const a of r.attachments ?? []) if (a.contentType === 'application/vnd.microsoft.card.adaptive') out.push(a.content);
    const body = r.type === 'invokeResponse' ? (r.value as { body?: { value?: unknown } } | undefined)?.body : undefined;
    if (body && typeof body.value === 'object' && body.value !== null) out.push(body.value as Record<string, unknown>);
  }
  return out;
}

/** The data of the first Action.Execute whose verb is `verb` on any of the cards. */
export function actionData(replies: Activity[], verb: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) return node.forEach(walk);
    const n = node as Record<string, unknown>;
    if (n.type === 'Action.Execute' && n.verb === verb) {
      found = (n.data ?? {}) as Record<string, unknown>;
      return;
    }
    Object.values(n).forEach(walk);
  };
  cards(replies).forEach(walk);
  return found;
}
