import http from 'node:http';

/** The demo admin asking to turn external access off: the activity the attacks wrap or break. */
export function adminActivity(conversationId: string, id: string): Record<string, unknown> {
  return {
    type: 'message',
    id,
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: 'admin@contosoeast.com' },
    recipient: { id: 'federation-assistant' },
    conversation: { id: conversationId, conversationType: 'personal' },
    deliveryMode: 'expectReplies',
    text: 'turn off external access',
  };
}

export interface RawResponse {
  status: number;
  body: string;
}

/**
 * One request with exactly these headers and bytes (fetch would fix up Content-Length and refuses
 * some encodings). A server may answer before it has read the whole body (a 415 on the headers):
 * the answer counts, and the broken pipe that follows does not.
 */
export function rawPost(url: string, headers: Record<string, string>, body: Buffer | string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let answered: RawResponse | undefined;
    const req = http.request(url, { method: 'POST', headers: { connection: 'close', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        answered = { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') };
        resolve(answered);
      });
      res.on('error', reject);
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (answered || err.code === 'EPIPE' || err.code === 'ECONNRESET') {
        // Wait for the response that the server sent before closing, if any.
        setImmediate(() => (answered ? resolve(answered) : reject(err)));
        return;
      }
      reject(err);
    });
    req.end(body);
  });
}
