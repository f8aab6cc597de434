import * as restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from './ops/logger';
import { activityProblem, isJsonContentType, isLoopbackAddress, isLoopbackHostHeader, isLoopbackServiceUrl } from './serverGuards';

export interface ServerDeps {
  adapter: CloudAdapter;
  /** The bot's turn logic. */
  onTurn: (context: TurnContext) => Promise<void>;
  version: string;
  /** Authentication is off (no app id): replies go only to loopback service URLs. */
  localMode: boolean;
  log: Logger;
  /** Whether the bot can do its work now (the store takes writes): `GET /readyz`. */
  ready: () => Promise<boolean>;
  /** Prometheus metrics for `GET /metrics`; the route does not exist when absent (METRICS=off). */
  metrics?: { contentType: string; render(): Promise<string> };
}

export interface Listen {
  port: number;
  /** Interface to bind; undefined binds every interface. */
  host?: string;
}

export interface RunningServer {
  /** The port actually bound (useful when 0 asked for an ephemeral one). */
  port: number;
  /** The address actually bound ("127.0.0.1", "::" for every interface…). */
  address: string;
  /** Stops accepting requests and resolves when every in-flight turn has finished. */
  close(): Promise<void>;
}

/** Bot Framework channels post at most a few kilobytes; anything near this is not a real activity. */
const MAX_BODY_BYTES = 256 * 1024;

/**
 * Refuses compressed bodies before anything reads them. restify's body reader inflates gzip before
 * authentication and without an error handler on the inflater, so a bad or truncated gzip body
 * crashed the process and a small bomb inflated to hundreds of megabytes. Channels send plain JSON.
 */
function refuseEncodedBodies(req: restify.Request, res: restify.Response, next: restify.Next): void {
  const encoding = req.headers['content-encoding'];
  if (encoding === undefined) return next();
  if (String(encoding).trim().toLowerCase() === 'identity') {
    // Identity is no encoding at all; the body reader only reads bodies that have no header.
    delete req.headers['content-encoding'];
    return next();
  }
  res.header('Accept-Encoding', 'identity');
  res.send(415, { error: 'server: compressed request bodies are not accepted; send plain JSON' });
  next(false);
}

/** A cross-site form post (urlencoded, text/plain) must never become an activity: JSON only. */
function requireJson(req: restify.Request, res: restify.Response, next: restify.Next): void {
  if (isJsonContentType(req.headers['content-type'])) return next();
  res.send(415, { error: 'server: the body must be JSON (content-type: application/json)' });
  next(false);
}

/** The bound address as it is, so a bot open to the network never reads as if it were local only. */
export function listeningOn(address: string, port: number): string {
  if (address === '::' || address === '0.0.0.0') return `every interface (${address}), port ${port}: http://<this machine>:${port}/api/messages`;
  const host = address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${port}/api/messages`;
}

export function startServer(deps: ServerDeps, listen: Listen): Promise<RunningServer> {
  const server = restify.createServer({ name: 'federation-assistant', handleUncaughtExceptions: false });
  server.pre(refuseEncodedBodies);
  if (deps.localMode && isLoopbackAddress(listen.host)) {
    // Bound to loopback without authentication: only pages of this machine's own names may call.
    server.pre((req, res, next) => {
      if (isLoopbackHostHeader(req.headers.host)) return next();
      res.send(421, { error: 'server: authentication is off; this bot answers only requests addressed to localhost' });
      next(false);
    });
  }

  let inFlight = 0;
  let drained: (() => void) | undefined;
  const settle = (): void => {
    inFlight -= 1;
    if (inFlight === 0) drained?.();
  };

  const readBody = restify.plugins.bodyParser({ mapParams: false, maxBodySize: MAX_BODY_BYTES });
  server.post('/api/messages', requireJson, ...readBody, (req, res, next) => {
    const problem = activityProblem(req.body);
    if (problem !== undefined) {
      res.send(400, { error: `server: the body must be a Bot Framework activity: ${problem}` });
      next();
      return;
    }
    if (deps.localMode && !isLoopbackServiceUrl((req.body as { serviceUrl: string }).serviceUrl)) {
      // Without authentication anyone could make the bot post to any URL; locally, replies stay on this machine.
      res.send(400, { error: 'server: authentication is off, so the bot replies only to a serviceUrl on this machine (localhost)' });
      next();
      return;
    }
    inFlight += 1;
    deps.adapter
      .process(req, res, deps.onTurn)
      .catch((err: unknown) => {
        // The adapter rejects activities it cannot parse before any turn starts.
        deps.log.warn('server: rejected activity', { error: err instanceof Error ? err.message.split('\n')[0] : String(err) });
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

  // Public and unauthenticated: says that the bot runs, never where its files are.
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok', version: deps.version });
    next();
  });

  // Public and unauthenticated like /healthz: ready or not, never why (the reason names files; it is logged).
  server.get('/readyz', (_req, res, next) => {
    deps.ready().then(
      (ready) => res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable' }),
      () => res.send(503, { status: 'unavailable' }),
    ).finally(() => next());
  });

  const metrics = deps.metrics;
  if (metrics !== undefined) {
    // Counts and durations under bounded labels (kinds of request, outcomes): no address, path or secret.
    server.get('/metrics', (_req, res, next) => {
      metrics.render().then(
        (text) => {
          res.header('content-type', metrics.contentType);
          res.sendRaw(200, text);
        },
        (err: unknown) => {
          deps.log.warn('server: metrics failed', { error: err instanceof Error ? err.message : String(err) });
          res.send(500, { error: 'server: metrics are unavailable right now' });
        },
      ).finally(() => next());
    });
  }

  server.on('restifyError', (_req: unknown, _res: unknown, err: Error & { statusCode?: number }, cb: () => void) => {
    // Scanners probing unknown paths are not worth a warning; a server error is.
    if ((err.statusCode ?? 500) >= 500) deps.log.error('server: request failed', { error: err.message });
    else deps.log.debug('server: request refused', { status: err.statusCode, error: err.message });
    cb();
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const onListening = (): void => {
      const address = server.address();
      resolve({
        port: address.port,
        address: address.address,
        close: () =>
          new Promise<void>((done) => {
            server.close();
            if (inFlight === 0) done();
            else drained = done;
          }),
      });
    };
    if (listen.host === undefined) server.listen(listen.port, onListening);
    else server.listen(listen.port, listen.host, onListening);
  });
}
