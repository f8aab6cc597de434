/**
 * Files admins attach (an export, a list of domains). Fetching is I/O and stays here: only from the
 * channel's own file service (https, Microsoft hosts), capped in size and time, never following a
 * redirect elsewhere. Local mode (no app id: the Emulator, the Agents Playground, tests) also takes
 * plain http from this machine, which is where those tools serve files.
 */
export interface AttachmentPolicy {
  /** Local mode: http(s) from localhost/127.0.0.1 is allowed too. */
  local: boolean;
  maxBytes: number;
  timeoutMs: number;
}

/** An export of 4,000 + 4,000 domains is about 400 KB; a file far bigger is not one. */
export const DEFAULT_ATTACHMENT_POLICY: AttachmentPolicy = { local: false, maxBytes: 1024 * 1024, timeoutMs: 10_000 };

/** Hosts of Teams' and Bot Framework's file services: SharePoint/OneDrive downloads, the attachment service. */
const FILE_SERVICE_HOSTS = ['.sharepoint.com', '.sharepoint.us', '.sharepoint.de', '.sharepoint.cn', '.botframework.com', '.trafficmanager.net', '.teams.microsoft.com'];

export const TEAMS_FILE_DOWNLOAD = 'application/vnd.microsoft.teams.file.download.info';

export interface IncomingAttachment {
  contentType?: string;
  contentUrl?: string;
  content?: unknown;
  name?: string;
}

/** The download address of a file attachment: Teams personal chat sends `content.downloadUrl`, others `contentUrl`. */
export function attachmentUrl(a: IncomingAttachment): string | undefined {
  if (a.contentType === TEAMS_FILE_DOWNLOAD) {
    const c = a.content as { downloadUrl?: unknown } | undefined;
    return typeof c?.downloadUrl === 'string' ? c.downloadUrl : undefined;
  }
  if (a.contentType === 'text/html' || a.contentType?.startsWith('application/vnd.microsoft.card')) return undefined;
  return typeof a.contentUrl === 'string' ? a.contentUrl : undefined;
}

/** Whether `raw` is an address this policy lets the bot fetch; the reason when not. */
export function checkUrl(raw: string, policy: AttachmentPolicy): { ok: true; url: URL } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'the attachment has no valid address' };
  }
  const host = url.hostname.toLowerCase();
  const loopback = host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
  if (policy.local && loopback && (url.protocol === 'http:' || url.protocol === 'https:')) return { ok: true, url };
  if (url.protocol !== 'https:') return { ok: false, reason: 'I only fetch attachments over https' };
  if (!FILE_SERVICE_HOSTS.some((h) => host.endsWith(h))) return { ok: false, reason: `I only fetch attachments from Teams' own file service, not from ${host}` };
  return { ok: true, url };
}

export type FetchResult = { ok: true; text: string } | { ok: false; reason: string };

/** Downloads an attachment as text within the policy's limits. Never throws. */
export async function fetchAttachment(raw: string, policy: AttachmentPolicy): Promise<FetchResult> {
  const checked = checkUrl(raw, policy);
  if (!checked.ok) return checked;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
  try {
    const res = await fetch(checked.url, { signal: controller.signal, redirect: 'error' });
    if (!res.ok) return { ok: false, reason: `the file service answered ${res.status}` };
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > policy.maxBytes) return { ok: false, reason: tooBig(policy) };
    const reader = res.body?.getReader();
    if (!reader) return { ok: true, text: '' };
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > policy.maxBytes) {
        await reader.cancel();
        return { ok: false, reason: tooBig(policy) };
      }
      chunks.push(value);
    }
    return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
  } catch (err) {
    const aborted = controller.signal.aborted;
    return { ok: false, reason: aborted ? `the file did not arrive within ${policy.timeoutMs / 1000} seconds` : `the file could not be fetched (${err instanceof Error ? err.message : String(err)})` };
  } finally {
    clearTimeout(timer);
  }
}

const tooBig = (p: AttachmentPolicy): string => `the file is larger than ${Math.round(p.maxBytes / 1024)} KB, more than any export or list of 4,000 domains`;
