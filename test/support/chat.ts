import { describeExchange, openChat } from './chat-client';

/**
 * `npm run chat -- [--url URL] [--as ADDRESS] "message" "!Button title" …`: talks to a running bot from
 * the shell. Each argument is one turn; "!Title" presses the newest button whose title starts with
 * Title (Action.Execute as Teams sends it, Action.Submit as a message). A developer CLI, its own
 * composition root: it reads PORT for the default URL.
 */
interface ChatArgs {
  url: string;
  from: string;
  turns: string[];
}

function parseArgs(args: string[], port: string | undefined): ChatArgs | string {
  const parsed: ChatArgs = { url: `http://localhost:${port ?? 3978}`, from: 'admin@contosoeast.com', turns: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--url' || arg === '--as') {
      const value = args[++i];
      if (value === undefined) return `chat: ${arg} needs a value`;
      if (arg === '--url') parsed.url = value;
      else parsed.from = value;
    } else parsed.turns.push(arg);
  }
  return parsed.turns.length > 0 ? parsed : 'usage: npm run chat -- [--url URL] [--as ADDRESS] "message" ["!Button title"] …';
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), process.env.PORT);
  if (typeof args === 'string') {
    console.error(args);
    process.exit(2);
  }
  const chat = openChat(args.url, args.from);
  for (const turn of args.turns) {
    try {
      if (turn.startsWith('!')) {
        const pressed = await chat.press(turn.slice(1));
        if (!pressed) {
          console.log(`\n! no button titled "${turn.slice(1)}…" in the replies so far`);
          continue;
        }
        console.log(`\n${args.from} presses [${turn.slice(1)}]`);
        console.log(describeExchange(pressed).join('\n'));
      } else {
        console.log(`\n${args.from}: ${turn}`);
        console.log(describeExchange(await chat.say(turn)).join('\n'));
      }
    } catch (err) {
      console.error(`chat: cannot reach ${args.url} (${err instanceof Error ? err.message : String(err)}); is the bot running (npm start)?`);
      process.exit(1);
    }
  }
}

void main();
