import { demoModel } from '../policy/fixtures';
import { baseSeed, rng } from '../policy/prng';
import { prepareImport, readDomainPaste, readTenantText } from '../../src/tenant';
import { sample } from './fixtures';

const SAMPLES = ['federation-blocklist.json', 'federation-allowlist.json', 'federation-ps51.json', 'external-access-policies.json', 'assignments.csv'].map(sample);
const NOISE = ['{', '}', '[', ']', '"', ',', ':', 'null', 'true', '0', '\n', ' ', 'Domain', 'AllowedDomains', '*', 'ü', '\u0000'];

describe('whatever an admin sends, reading answers and never throws', () => {
  it('500 seeded mutations of the samples (cut, spliced, noised)', () => {
    const seed = baseSeed();
    const east = demoModel().organizations[0]!;
    for (let i = 0; i < 500; i++) {
      const r = rng(seed + i);
      let text = r.pick(SAMPLES);
      const edits = 1 + r.int(4);
      for (let e = 0; e < edits; e++) {
        const at = r.int(text.length + 1);
        const op = r.int(3);
        if (op === 0) text = text.slice(0, at);
        else if (op === 1) text = text.slice(0, at) + r.pick(NOISE) + text.slice(at);
        else text = text.slice(0, at) + text.slice(at + 1 + r.int(20));
      }
      try {
        const read = readTenantText(text);
        if (read.ok) prepareImport(east, read.reading);
        else expect(read.reason).toMatch(/Nothing was changed\.$/);
        readDomainPaste(text);
      } catch (err) {
        throw new Error(`seed ${seed + i}: ${err instanceof Error ? err.message : String(err)}\n${text.slice(0, 300)}`);
      }
    }
  });

  it('a pasted list keeps every valid domain once, in order, and reports every other entry', () => {
    const seed = baseSeed();
    for (let i = 0; i < 200; i++) {
      const r = rng(seed + 5000 + i);
      const good = Array.from({ length: 1 + r.int(30) }, (_, j) => `d${r.int(20)}-${j % 7}.example`);
      const bad = Array.from({ length: r.int(4) }, (_, j) => `bad!${j}`);
      const entries = [...good, ...bad].sort(() => r.next() - 0.5);
      const text = entries.join(r.pick(['\n', ', ', '; ', ' ']));
      const read = readDomainPaste(text);
      expect(read.domains).toEqual([...new Set(entries.filter((e) => !e.startsWith('bad!')))]);
      expect(read.invalid.map((x) => x.input)).toEqual(entries.filter((e) => e.startsWith('bad!')));
    }
  });
});
