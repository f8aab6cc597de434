import { z } from 'zod';

/**
 * Checks on a request made before any turn starts: the body's media type, the activity's shape,
 * where replies would go. Pure, so the server stays a list of routes.
 */

/** `application/json`, optionally with a UTF-8 charset; nothing else is an activity. */
export function isJsonContentType(header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => p === '' || /^charset="?utf-8"?$/.test(p));
}

/** localhost, 127.0.0.0/8 or [::1] (as URL.hostname writes them). */
function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Local mode replies only to this machine: localhost, 127.0.0.0/8, [::1]. */
export function isLoopbackServiceUrl(serviceUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHostname(url.hostname);
}

/**
 * Whether a request's Host header names this machine. A bot on loopback is still reachable from a
 * browser through DNS rebinding (a page whose name resolves to 127.0.0.1 posts JSON as a same-origin
 * request); the Host header it sends is then the page's name, not localhost.
 */
export function isLoopbackHostHeader(host: string | undefined): boolean {
  if (host === undefined || host === '' || /[/@\\?#\s]/.test(host)) return false;
  try {
    return isLoopbackHostname(new URL(`http://${host}/`).hostname);
  } catch {
    return false;
  }
}

/** Whether an address the server bound is loopback only. */
export function isLoopbackAddress(address: string | undefined): boolean {
  return address !== undefined && (address === '::1' || address === 'localhost' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address));
}

const text = z.string().nullish();
const account = z.looseObject({ id: z.string().min(1), name: text, aadObjectId: text });

/**
 * The fields the bot and the adapter read, with their types; other fields pass through. Channels
 * always send these, so a body without them is not an activity (400), never a 500 or a silent 200.
 */
const activitySchema = z.looseObject({
  type: z.string().min(1),
  channelId: z.string().min(1),
  serviceUrl: z.string().min(1),
  from: account,
  recipient: account,
  conversation: z.looseObject({ id: z.string().min(1), conversationType: text, tenantId: text }),
  id: text,
  text,
  name: text,
  deliveryMode: text,
  locale: text,
  channelData: z.looseObject({}).nullish(),
  entities: z.array(z.looseObject({ type: z.string() })).nullish(),
  membersAdded: z.array(account).nullish(),
  membersRemoved: z.array(account).nullish(),
});

/** Why a body is not an activity (one short phrase), or undefined when it is one. */
export function activityProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'a JSON object with a "type" and a "conversation"';
  const parsed = activitySchema.safeParse(body);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  const where = issue?.path.map(String).join('.') || 'body';
  return `"${where}" is missing or has the wrong type`;
}
