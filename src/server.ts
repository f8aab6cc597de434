import * as restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';

export interface ServerDeps {
  adapter: CloudAdapter;
  /** The bot's turn logic. */
  onTurn: (context: TurnContext) => Promise<void>;
  version: string;
  storePath: string;
  log: (message: string) => void;
}

export interface RunningServer {
  /** The port actually bound (useful when 0 asked for an ephemeral one). */
  port: number;
  /** Stops accepting requests and resolves when every in-flight turn has finished. */
  close(): Promise<void>;
}

/** The smallest shape of an activity the adapter can process; anything else is a 400, not a crash. */
function isActivityLike(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const a = body as Record<string, unknown>;
  const conversation = a.conversation as Record<string, unknown> | undefined;
  return typeof a.type === 'string' && a.type !== '' && typeof conversation === 'object' && conversation !== null && typeof conversation.id === 'string';
}

export function startServer(deps: ServerDeps, port: number): Promise<RunningServer> {
  const server = restify.createServer({ name: 'federation-assistant', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 }));

  let inFlight = 0;
  let drained: (() => void) | undefined;
  const settle = (): void => {
    inFlight -= 1;
    if (inFlight === 0) drained?.();
  };

  server.post('/api/messages', (req, res, next) => {
    if (!isActivityLike(req.body)) {
      res.send(400, { error: 'server: the body must be a Bot Framework activity (a JSON object with a "type" and a "conversation")' });
      next();
      return;
    }
    inFlight += 1;
    deps.adapter
      .process(req, res, deps.onTurn)
      .catch((err: unknown) => {
        // The adapter rejects activities it cannot parse before any turn starts.
        deps.log(`server: rejected activity: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
        if (!res.headersSent) res.send(400, { error: 'server: malformed activity' });
      })
      .finally(() => {
        settle();
        next();
      });
  });

  // Clients (the Agents Playground) probe the endpoint before they post.
  server.head('/api/messages', (_req, res, next) => {
    res.send(204);
    next();
  });

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok', version: deps.version, store: deps.storePath });
    next();
  });

  server.on('restifyError', (_req: unknown, _res: unknown, err: Error, cb: () => void) => {
    deps.log(`server: ${err.message}`);
    cb();
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      const address = server.address();
      resolve({
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            server.close();
            if (inFlight === 0) done();
            else drained = done;
          }),
      });
    });
  });
}
