import { readFileSync } from 'node:fs';
import { allText, startTestBot } from '../support/harness';
it('scratch2', async () => {
  const lines = readFileSync('/tmp/lang3/talk.txt', 'utf8').split('\n').filter((l) => l.trim() !== '');
  const bot = await startTestBot();
  const out: string[] = [];
  for (const l of lines) {
    const [who, text] = l.startsWith('user:') ? ['rob@contosoeast.com', l.slice(5)] : ['admin@contosoeast.com', l];
    out.push(`> ${text}\n${allText(await bot.say(who, text))}`);
  }
  await bot.close();
  console.log(out.join('\n\n'));
}, 60000);
