import path from 'node:path';
import { DEFAULT_PLAYGROUND_USERS, findPerson, PEOPLE, REQUIRED_ADMINS, type PlaygroundPerson } from './playground-people';
import { isPortFree, startBot, startPlayground, stopChild, type Child, type OutputSink } from './stack';

/**
 * `npm run playground [-- address…]`: the bot plus one Microsoft 365 Agents Playground per person
 * (default: the Contoso East admin and Rob), all stopped together on Ctrl-C.
 *
 * A composition-root-like CLI: it reads the environment (PORT, POLICY_DB, BOT_ADMINS,
 * PLAYGROUND_PORT) and hands plain values to the stack helpers.
 */
const ROOT = path.resolve(__dirname, '../../..');

function usersFromArgs(args: string[]): PlaygroundPerson[] {
  const wanted = args.length > 0 ? args : [...DEFAULT_PLAYGROUND_USERS];
  return wanted.map((address) => {
    const p = findPerson(address);
    if (p === undefined) {
      console.error(`playground: unknown person "${address}"; choose from ${PEOPLE.map((x) => x.address).join(', ')}`);
      process.exit(2);
    }
    return p;
  });
}

/** BOT_ADMINS from the environment, plus the admins the demo people rely on. */
function botAdmins(fromEnv: string | undefined): string {
  const listed = (fromEnv ?? '').split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  return [...new Set([...listed, ...REQUIRED_ADMINS])].join(',');
}

async function main(): Promise<void> {
  const people = usersFromArgs(process.argv.slice(2));
  const botPort = Number(process.env.PORT ?? 3978);
  const firstPlaygroundPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
  if (!(await isPortFree(botPort))) {
    console.error(`playground: port ${botPort} is in use (is the bot already running?); stop it or set PORT`);
    process.exit(1);
  }
  const children: Child[] = [];
  const sink: OutputSink = (source, line) => console.log(`[${source}] ${line}`);
  let stopping = false;
  const stopAll = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      console.log('playground: stopping the Playgrounds and the bot…');
      // Playgrounds first, so the bot still answers while they go; then the bot finishes its turns.
      await Promise.all(children.filter((c) => c.name !== 'bot').map((c) => stopChild(c)));
      await Promise.all(children.filter((c) => c.name === 'bot').map((c) => stopChild(c)));
      console.log('playground: stopped');
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    const bot = await startBot({
      root: ROOT,
      port: botPort,
      env: {
        POLICY_DB: process.env.POLICY_DB ?? 'data/policy.json',
        BOT_ADMINS: botAdmins(process.env.BOT_ADMINS),
      },
      sink,
    });
    children.push(bot);
    void bot.exited.then((code) => {
      if (!stopping) {
        console.error(`playground: the bot exited (${code}); stopping`);
        void stopAll(1);
      }
    });
    const workDir = path.join(ROOT, 'test-output/playground');
    const playgrounds = [];
    for (const [i, person] of people.entries()) {
      const pg = await startPlayground({ root: ROOT, person, port: firstPlaygroundPort + i, botEndpoint: bot.endpoint, workDir, sink });
      children.push(pg);
      playgrounds.push(pg);
    }
    const width = Math.max(...playgrounds.map((p) => p.url.length));
    console.log('');
    console.log(`Federation Assistant is running at ${bot.endpoint}. Open a Playground to chat with it:`);
    for (const pg of playgrounds) console.log(`  ${pg.url.padEnd(width)}  as ${pg.person.address} (${pg.person.role})`);
    console.log('Try "help", "show settings", "block fabrikam.com". Press Ctrl-C to stop.');
    console.log('');
  } catch (err) {
    console.error(`playground: ${err instanceof Error ? err.message : String(err)}`);
    await stopAll(1);
  }
}

void main();
