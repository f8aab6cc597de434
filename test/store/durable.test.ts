import type { FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { block, open, tempDir } from './fixtures';

// The module object itself (the store reads its functions at each call), so its functions can be watched.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fsp = require('node:fs/promises') as typeof import('node:fs/promises');

/**
 * A change is acknowledged only once it is on the disk: its audit lines and the new state flushed
 * (fdatasync) before the rename that makes the state current, and the rename flushed with its folder
 * (fsync) before the commit resolves. Observed at the file-system calls the store makes.
 */
describe('durable writes', () => {
  const log: string[] = [];
  const paths = new Map<number, string>();
  let dir: ReturnType<typeof tempDir>;

  beforeEach(async () => {
    dir = tempDir();
    log.length = 0;
    const name = (path: string | undefined): string => (path === dir.dir ? 'folder' : basename(path ?? '?'));
    const realOpen = fsp.open;
    jest.spyOn(fsp, 'open').mockImplementation(async (...args: Parameters<typeof fsp.open>) => {
      const handle = await realOpen(...args);
      paths.set(handle.fd, String(args[0]));
      return handle;
    });
    const probe = await realOpen(dir.file + '.probe', 'w');
    const proto = Object.getPrototypeOf(probe) as FileHandle;
    await probe.close();
    for (const method of ['datasync', 'sync'] as const) {
      const real = proto[method];
      jest.spyOn(proto, method).mockImplementation(async function (this: FileHandle) {
        log.push(`${method} ${name(paths.get(this.fd))}`);
        return real.call(this);
      });
    }
    const realRename = fsp.rename;
    jest.spyOn(fsp, 'rename').mockImplementation(async (from, to) => {
      await realRename(from, to);
      log.push(`rename ${name(String(from))} → ${name(String(to))}`);
    });
  });

  afterEach(() => {
    jest.restoreAllMocks();
    dir.cleanup();
  });

  it('flushes the audit lines and the temp file before the rename, and the folder before acknowledging', async () => {
    const store = await open(dir.file);
    log.length = 0;
    const committed = await store.commit(block('evil.example'));
    log.push('acknowledged');
    await store.close();
    expect(committed.ok).toBe(true);
    const at = (step: string): number => log.indexOf(step);
    const rename = at('rename .policy.json.tmp → policy.json');
    expect(rename).toBeGreaterThan(-1);
    expect(at('datasync policy.json.audit.jsonl')).toBeGreaterThan(-1);
    expect(at('datasync policy.json.audit.jsonl')).toBeLessThan(rename);
    expect(at('datasync .policy.json.tmp')).toBeGreaterThan(-1);
    expect(at('datasync .policy.json.tmp')).toBeLessThan(rename);
    expect(at('sync folder')).toBeGreaterThan(rename);
    expect(at('sync folder')).toBeLessThan(at('acknowledged'));
  });

  it('changes that arrive together share the flushes (one of each per write)', async () => {
    const store = await open(dir.file);
    log.length = 0;
    const results = await Promise.all(['a.example', 'b.example', 'c.example'].map((d) => store.commit(block(d))));
    await store.close();
    expect(results.every((r) => r.ok)).toBe(true);
    expect(log).toEqual(expect.arrayContaining(['datasync policy.json.audit.jsonl', 'datasync .policy.json.tmp', 'sync folder']));
    expect(log.filter((step) => step.startsWith('datasync') || step.startsWith('sync'))).toHaveLength(3);
  });

  it('when the disk does not confirm the rename, acknowledges the change it holds and stops writing', async () => {
    const store = await open(dir.file);
    const probe = await fsp.open(dir.file, 'r');
    const proto = Object.getPrototypeOf(probe) as FileHandle;
    await probe.close();
    jest.spyOn(proto, 'sync').mockRejectedValueOnce(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }));
    const first = await store.commit(block('evil.example'));
    const second = await store.commit(block('other.example'));
    const health = await store.health();
    await store.close();
    expect(first.ok).toBe(true);
    expect(second).toEqual({ ok: false, reason: expect.stringMatching(/stopped writing: the disk did not confirm the last write .*EIO.*restart the bot/) });
    expect(health.ok).toBe(false);
    // The file holds the acknowledged change with its audit line, and opens again as it is.
    const reopened = await open(dir.file, { durable: false });
    expect(reopened.read().organizations.find((o) => o.id === 'contoso-east')?.settings?.blockedDomains).toContain('evil.example');
    expect(reopened.history('contoso-east', 0).entries.map((e) => e.summary)).toEqual([expect.stringContaining('evil.example')]);
    await reopened.close();
  });

  it('flushes nothing when opened not durable (tests only)', async () => {
    const store = await open(dir.file, { durable: false });
    log.length = 0;
    const committed = await store.commit(block('evil.example'));
    await store.close();
    expect(committed.ok).toBe(true);
    expect(log.filter((step) => !step.startsWith('rename'))).toEqual([]);
  });
});
