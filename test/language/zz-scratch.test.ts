import { readFileSync } from 'node:fs';
import { parse } from '../../src/language';
it('scratch', () => {
  const lines = readFileSync('/tmp/lang3/sents.txt', 'utf8').split('\n').filter((l) => l.trim() !== '');
  console.log(lines.map((l) => `${l}\n   => ${JSON.stringify(parse(l)).slice(0, 300)}\n   tokens: ${require("../../src/language/tokens").tokenize(l).tokens.map((t: {norm: string}) => t.norm).join(" ")}`).join("\n"));
});
