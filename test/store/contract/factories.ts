import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreFile } from '../../../src/store/fileSchema';
import type { PolicyStore } from '../../../src/store';
import type { Planner } from '../../../src/store/planner';
import { open, SEED, tempDir } from '../fixtures';
import { dropStore, openPg } from '../pg/pgFixtures';

export interface OpenOptions {
  plan?: Planner;
  newId?: () => string;
  validation?: 'incremental' | 'full';
}

/**
 * One implementation of `PolicyStore` as the contract suite sees it: `reset` gives an empty backing
 * store (a new file, an emptied database) that starts from `initial` (the demo store when absent),
 * `open` opens a store on it (again and again: a reopened store must hold what was committed).
 */
export interface StoreFactory {
  name: string;
  reset(initial?: StoreFile): Promise<void>;
  open(options?: OpenOptions): Promise<PolicyStore>;
  cleanup(): Promise<void>;
}

export function lowdbFactory(): StoreFactory {
  let t: ReturnType<typeof tempDir> | undefined;
  return {
    name: 'lowdb',
    async reset(initial) {
      t?.cleanup();
      t = tempDir();
      if (initial) writeFileSync(t.file, JSON.stringify(initial));
    },
    open: (options = {}) => open(t!.file, options),
    async cleanup() {
      t?.cleanup();
      t = undefined;
    },
  };
}

/** `url`: a database of this test file's own (see `freshDatabase`). */
export function postgresFactory(url: () => string): StoreFactory {
  let t: ReturnType<typeof tempDir> | undefined;
  let seed = SEED;
  return {
    name: 'postgres',
    async reset(initial) {
      await dropStore(url());
      t?.cleanup();
      t = tempDir();
      seed = SEED;
      if (initial) {
        seed = join(t.dir, 'seed.json');
        writeFileSync(seed, JSON.stringify(initial));
      }
    },
    open: (options = {}) => openPg(url(), { seedFile: seed, newId: randomUUID, ...options }),
    async cleanup() {
      t?.cleanup();
      t = undefined;
    },
  };
}
