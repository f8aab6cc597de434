import { readFileSync } from 'node:fs';
import { judge, type Judged, type Utterance } from './realworld/judge';
it('scratch3', async () => {
  const utterances = JSON.parse(readFileSync(process.env.SET ?? '/tmp/lang3/set3.json', 'utf8')) as Utterance[];
  const results: { u: Utterance; r: Judged }[] = [];
  for (const u of utterances) results.push({ u, r: await judge(u) });
  const misses = results.filter((x) => !x.r.understood);
  console.log(`set3: ${results.length - misses.length}/${results.length}, misfires ${results.filter((x) => x.r.misfire).length}\n` + misses.map((x) => `  ✗ [${x.u.expect.kind}] ${x.u.text}\n      ${x.r.why}${x.r.misfire ? ' MISFIRE' : ''}\n      reply: ${x.r.reply.replace(/\s+/g, ' ').slice(0, 260)}`).join('\n'));
}, 600000);
