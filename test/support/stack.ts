import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { personalChatId, playgroundConfigYaml, type PlaygroundPerson } from './playground-people';

/**
 * Starts the built bot (`node dist/src/index.js`) and one Microsoft 365 Agents Playground per
 * person, as child processes. Shared by `npm run playground` and the end-to-end suite.
 */

export interface Child {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<string>;
}

export interface RunningBot extends Child {
  endpoint: string;
}

export interface RunningPlayground extends Child {
  person: PlaygroundPerson;
  url: string;
  /** The Playground's own log file (config errors land only there). */
  logFile: string;
}

export type OutputSink = (source: string, line: string) => void;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

function launch(name: string, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }, sink: OutputSink): Child {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (rest + chunk).split(/\r?\n/);
      rest = lines.pop() ?? '';
      for (const line of lines) sink(name, line);
    });
    stream.on('end', () => {
      if (rest !== '') sink(name, rest);
    });
  }
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? String(code)));
    child.once('error', (err) => resolve(`spawn error: ${err.message}`));
  });
  return { name, process: child, exited };
}

/** Polls `check` until it returns true; fails early when the child exits, or after `timeoutMs`. */
async function waitFor(child: Child, what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  let exitedWith: string | undefined;
  void child.exited.then((code) => {
    exitedWith = code;
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitedWith !== undefined) throw new Error(`${child.name} exited (${exitedWith}) before ${what}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${child.name}: ${what} not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function httpOk(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await res.arrayBuffer();
  return res.ok;
}

export interface BotOptions {
  root: string;
  port: number;
  /** Extra environment for the bot (POLICY_DB, BOT_ADMINS…); layered over the parent's. */
  env: Record<string, string>;
  sink: OutputSink;
  timeoutMs?: number;
}

/** Runs the built bot; resolves when `GET /healthz` answers 200. */
export async function startBot(options: BotOptions): Promise<RunningBot> {
  const entry = path.join(options.root, 'dist/src/index.js');
  if (!existsSync(entry)) throw new Error(`stack: ${entry} is missing; run "npm run build" first`);
  const child = launch('bot', process.execPath, [entry], {
    cwd: options.root,
    env: {
      ...process.env,
      // The Playground talks to the bot without credentials: local runs keep auth off even when .env sets it.
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      MicrosoftAppType: '',
      MicrosoftAppTenantId: '',
      ...options.env,
      PORT: String(options.port),
    },
  }, options.sink);
  const base = `http://127.0.0.1:${options.port}`;
  try {
    await waitFor(child, `GET ${base}/healthz answered 200`, () => httpOk(`${base}/healthz`), options.timeoutMs ?? 30_000);
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  return { ...child, endpoint: `${base}/api/messages` };
}

export interface PlaygroundOptions {
  root: string;
  person: PlaygroundPerson;
  port: number;
  botEndpoint: string;
  /** Where the generated config and the Playground's log go (its cwd too, so nothing lands in the repo). */
  workDir: string;
  sink: OutputSink;
  timeoutMs?: number;
}

/** Runs one Playground signed in as `person`; resolves when its web client answers. */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const local = options.person.address.replace(/[^a-z0-9]+/gi, '-');
  const dir = path.join(options.workDir, local);
  mkdirSync(dir, { recursive: true });
  const configFile = path.join(dir, '.m365agentsplayground.yml');
  const logFile = path.join(dir, 'm365agentsplayground.log');
  writeFileSync(configFile, playgroundConfigYaml(options.person));
  writeFileSync(logFile, '');
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js', { paths: [options.root] });
  let listening: number | undefined;
  const name = `playground ${options.person.address}`;
  const sink: OutputSink = (source, line) => {
    const m = /Listening on (\d+)/.exec(line);
    if (m?.[1] !== undefined) listening = Number(m[1]);
    options.sink(source, line);
  };
  const child = launch(name, process.execPath, [
    cli,
    '--app-endpoint', options.botEndpoint,
    '--channel-id', 'msteams',
    '--port', String(options.port),
    '--conversation-id', personalChatId(options.person),
    '--disable-telemetry',
  ], {
    cwd: dir,
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile,
      M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    },
  }, sink);
  try {
    await waitFor(child, 'its web client answered', async () => listening !== undefined && httpOk(`http://127.0.0.1:${listening}/`), options.timeoutMs ?? 30_000);
  } catch (err) {
    await stopChild(child);
    const log = readFileSync(logFile, 'utf8').split('\n').filter((l) => /^error /.test(l)).join('\n');
    throw new Error(`${err instanceof Error ? err.message : String(err)}${log === '' ? '' : `\n${log}`}`);
  }
  return { ...child, person: options.person, url: `http://localhost:${String(listening)}`, logFile };
}

/** SIGTERM, then SIGKILL if the child is still there after `graceMs`. */
export async function stopChild(child: Child, graceMs = 5000): Promise<string> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return child.exited;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
  const code = await child.exited;
  clearTimeout(timer);
  return code;
}
