import { block, open, tempDir } from './fixtures';

describe('history', () => {
  it('is per organization, newest first, paged from page 0 with 10 per page by default', async () => {
    const t = tempDir();
    try {
      let n = 0;
      const store = await open(t.file, { newId: () => `e${n++}` });
      for (let i = 0; i < 23; i++) await store.commit(block(`east${i}.example`));
      await store.commit(block('west.example', 'contoso-west'));
      const first = store.history('contoso-east', 0);
      expect(first).toMatchObject({ page: 0, pageSize: 10, total: 23 });
      expect(first.entries.map((e) => e.request)).toEqual(Array.from({ length: 10 }, (_, i) => `block east${22 - i}.example`));
      expect(store.history('contoso-east', 2).entries.map((e) => e.request)).toEqual(['block east2.example', 'block east1.example', 'block east0.example']);
      expect(store.history('contoso-east', 3).entries).toEqual([]);
      expect(store.history('contoso-east', 1, 5).entries.map((e) => e.id)).toEqual(['e17', 'e16', 'e15', 'e14', 'e13']);
      expect(store.history('contoso-west', 0)).toMatchObject({ total: 1, entries: [{ request: 'block west.example' }] });
      expect(store.history('fabrikam', 0)).toEqual({ entries: [], page: 0, pageSize: 10, total: 0 });
      expect(store.lastChange('contoso-east')?.request).toBe('block east22.example');
      expect(store.lastChange('contoso-west')?.id).toBe('e23');
      expect(store.lastChange('fabrikam')).toBeUndefined();
      await store.close();
      const reopened = await open(t.file);
      expect(reopened.history('contoso-east', 0, 3).entries.map((e) => e.id)).toEqual(['e22', 'e21', 'e20']);
      await reopened.close();
    } finally {
      t.cleanup();
    }
  });
});
