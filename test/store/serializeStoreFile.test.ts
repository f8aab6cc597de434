import { readFileSync } from 'node:fs';
import { plan } from '../../src/policy';
import type { Actor, PolicyModel } from '../../src/policy';
import { CURRENT_SCHEMA_VERSION } from '../../src/store';
import type { StoreFile } from '../../src/store';
import { deepFreeze } from '../../src/store/deepFreeze';
import { forgetReplaced, hasCachedBytes, serializeStoreFile } from '../../src/store/serializeStoreFile';
import { bigStore } from './bigStore';
import { randomChange, randomModel } from '../policy/generators';
import { forAll } from '../policy/prng';
import type { Rng } from '../policy/prng';
import { admin, block, open, tempDir } from './fixtures';

const god = (m: PolicyModel): Actor => ({ address: 'root@example.com', adminOf: m.organizations.map((o) => o.id) });
const fileOf = (m: PolicyModel, revision: number): StoreFile => ({ schemaVersion: CURRENT_SCHEMA_VERSION, revision, organizations: m.organizations });
const reference = (file: unknown): string => JSON.stringify(file, null, 2);

/** Text JSON must escape or may carry as is: quotes, backslashes, newlines, non-ASCII, astral characters. */
const ODD_NAMES = ['Quote "Co"', 'Back\\slash', 'Line\nbreak\ttab', 'Zürich Ωmega', 'Emoji 😀 Ltd', '\u2028sep', ''];

/** The next model in a sequence of commits: a planned change, a renamed or removed organization, or a copy. */
function step(r: Rng, m: PolicyModel): PolicyModel {
  const orgs = m.organizations;
  const which = r.int(orgs.length);
  switch (r.int(4)) {
    case 0: {
      // The generator's changes need a managed organization (removals may have taken them all).
      if (!orgs.some((o) => o.managed && o.settings)) return m;
      const res = plan(m, randomChange(r, m), god(m));
      return res.ok ? res.next : m;
    }
    case 1:
      return { organizations: orgs.map((o, i) => (i === which ? { ...o, name: r.pick(ODD_NAMES), admins: r.bool() ? [] : o.admins } : o)) };
    case 2:
      return { organizations: orgs.filter((_, i) => i !== which || orgs.length === 1) };
    default:
      return { organizations: [...orgs] };
  }
}

describe('serializeStoreFile', () => {
  it('writes exactly what JSON.stringify(file, null, 2) writes, along random sequences of commits (seeded)', () => {
    forAll(40, (r) => {
      let m = deepFreeze(randomModel(r));
      for (let revision = 0; revision < 12; revision++) {
        const file = fileOf(m, revision);
        const bytes = serializeStoreFile(file);
        const text = bytes.toString('utf-8');
        expect(text).toBe(reference(file));
        expect(bytes.equals(Buffer.from(reference(file), 'utf-8'))).toBe(true);
        expect(JSON.parse(text)).toEqual(JSON.parse(reference(file)));
        m = deepFreeze(step(r, m));
      }
    });
  });

  it.each([
    ['no organizations', { schemaVersion: 3, revision: 0, organizations: [] }],
    ['an unfrozen organization (not cached)', { schemaVersion: 3, revision: 1, organizations: [{ id: 'a', nested: { list: [1, 'x'] } }] }],
    ['fields JSON leaves out', { schemaVersion: 3, revision: 2, organizations: [{ id: 'a', gone: undefined }], extra: undefined }],
    ['an empty object', {}],
    ['elements JSON writes as null, or as themselves', { schemaVersion: 3, revision: 3, organizations: [undefined, () => 1, 7, 'a\nb', null, [], {}] }],
    ['an element with toJSON, and text with line breaks', { schemaVersion: 3, revision: 4, organizations: [{ toJSON: () => ({ id: 'x', deep: [{ a: 'line\nbreak' }] }) }, Object.freeze({ id: 'y', note: 'two\nlines', nested: Object.freeze({ deeper: Object.freeze(['z']) }) })] }],
  ])('matches JSON.stringify for %s', (_name, file) => {
    expect(serializeStoreFile(file as unknown as StoreFile).toString('utf-8')).toBe(reference(file));
  });

  it('writes long lists from their cached text exactly as JSON.stringify, as a change keeps or replaces them', () => {
    const file = deepFreeze(bigStore(3, 100));
    const [grown, ...rest] = file.organizations;
    const settings = grown!.settings!;
    const versions = [
      { ...grown!, settings: { ...settings, allowFederatedUsers: !settings.allowFederatedUsers } },
      { ...grown!, settings: { ...settings, blockedDomains: [...settings.blockedDomains, 'new.example.com'] } },
      { ...grown!, name: 'Renamed "East"' },
    ];
    for (const org of [grown!, ...versions]) {
      const next = deepFreeze({ ...file, organizations: [org, ...rest] });
      expect(serializeStoreFile(next).toString('utf-8')).toBe(reference(next));
    }
  });

  it.each([
    ['replaced in place', (orgs: object[], fresh: object) => [fresh, ...orgs.slice(1)]],
    ['removed', (orgs: object[]) => orgs.slice(1)],
    ['removed, another added', (orgs: object[], fresh: object) => [...orgs.slice(1), fresh]],
  ])('forgets the bytes of an organization %s, keeps the others', (_name, next) => {
    const orgs = [deepFreeze({ id: 'a', n: 1 }), deepFreeze({ id: 'b' }), deepFreeze({ id: 'c' })];
    const f = (o: readonly object[]) => ({ schemaVersion: 3, revision: 1, organizations: o }) as unknown as StoreFile;
    serializeStoreFile(f(orgs));
    const written = next(orgs, deepFreeze({ id: 'a', n: 2 }));
    serializeStoreFile(f(written));
    forgetReplaced(orgs, written);
    expect(orgs.map(hasCachedBytes)).toEqual([false, true, true]);
    expect(written.every(hasCachedBytes)).toBe(true);
  });

  it('does not reuse an organization text across different objects with the same id', () => {
    const a = deepFreeze({ id: 'a', name: 'First' });
    const b = deepFreeze({ id: 'a', name: 'Second' });
    const f = (o: object) => ({ schemaVersion: 3, revision: 1, organizations: [o] }) as unknown as StoreFile;
    expect(serializeStoreFile(f(a)).toString('utf-8')).toBe(reference(f(a)));
    expect(serializeStoreFile(f(b)).toString('utf-8')).toBe(reference(f(b)));
  });
});

describe('the store file on disk', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  it('is byte for byte JSON.stringify of its own content after every commit (seeded)', async () => {
    const store = await open(t.file);
    const domains = ['a.example', 'b.example', 'c.example', 'd.example'];
    const r = (await import('../policy/prng')).rng(20261129);
    for (let i = 0; i < 10; i++) {
      const d = r.pick(domains);
      const change = r.bool() ? block(d) : { ...block(d), change: { kind: 'removeBlocked' as const, org: 'contoso-east', domains: [d] } };
      await store.commit({ ...change, actor: admin });
      const text = readFileSync(t.file, 'utf-8');
      expect(text).toBe(reference(JSON.parse(text)));
      expect(JSON.parse(text)).toEqual(fileOf(store.read(), store.revision()));
    }
    await store.close();
  });

  it('keeps the cached bytes of the organizations on disk only, not of the versions a commit replaced', async () => {
    const store = await open(t.file);
    const versions = [store.read().organizations[0]!];
    for (const d of ['a.example', 'b.example', 'c.example']) {
      await store.commit({ ...block(d), actor: admin });
      versions.push(store.read().organizations[0]!);
    }
    // The store still holds the old versions (its recent models); their bytes are not written again.
    expect(versions.map(hasCachedBytes)).toEqual([false, false, false, true]);
    expect(store.read().organizations.every(hasCachedBytes)).toBe(true);
    await store.close();
  });
});
