import { readFileSync } from 'node:fs';
import path from 'node:path';
import { judge, type Judged, type Utterance } from './realworld/judge';

/**
 * The measure of issue 13: real-world phrasings (../shared/language/realworld-dev.json, beside the
 * project) through the real endpoint, each on a fresh demo store, judged as the file's note says.
 * A second, hidden half of the same kind is measured the same way, so nothing here knows a sentence.
 */
const FILE = path.resolve(__dirname, '../../../shared/language/realworld-dev.json');
const utterances = (JSON.parse(readFileSync(FILE, 'utf8')) as { utterances: Utterance[] }).utterances;

describe('real-world phrasings (dev half)', () => {
  const results: { u: Utterance; r: Judged }[] = [];

  it('runs every utterance through the bot', async () => {
    for (const u of utterances) results.push({ u, r: await judge(u) });
    const understood = results.filter((x) => x.r.understood).length;
    const misses = results.filter((x) => !x.r.understood);
    const lines = misses.map((x) => `  ✗ [${x.u.expect.kind}] ${x.u.text}\n      ${x.r.why}\n      reply: ${x.r.reply.replace(/\s+/g, ' ').slice(0, 220)}`);
    console.log(`real-world dev set: ${understood}/${results.length} understood (${((100 * understood) / results.length).toFixed(1)}%)\n${lines.join('\n')}`);
    expect(results.filter((x) => x.r.misfire).map((x) => `${x.u.text}: ${x.r.why}`)).toEqual([]);
    expect(understood / results.length).toBeGreaterThanOrEqual(0.9);
  }, 600_000);
});
