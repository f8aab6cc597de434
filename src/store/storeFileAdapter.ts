import { open, readFile, rename } from 'node:fs/promises';
import { syncFolder } from './syncFolder';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import type { StoreFile } from './fileSchema';
import { forgetReplaced, storeFileChunks } from './serializeStoreFile';

/** The temp file a write goes through: steno's name (`.<name>.tmp`), which `openStore` clears as stale. */
export const tempFileOf = (file: string): string => join(dirname(file), `.${basename(file)}.tmp`);

/**
 * The rename replaced the state file, but the disk did not confirm it (the folder's flush failed): the
 * new state is in the file and cannot be taken back.
 */
export class RenamedNotFlushed extends Error {}

/** The state file as the store writes it: the next file to the temp file first, then renamed over the file. */
export interface StateFileWriter {
  writeTemp(data: StoreFile): Promise<void>;
  replace(data: StoreFile): Promise<void>;
}

/**
 * lowdb's `JSONFile`, writing the same bytes the same way as its steno writer (the whole file to
 * `.<name>.tmp`, then renamed over the file: atomic), but serialized per organization (`storeFileChunks`) so a
 * commit costs what it changed, not the whole file. Writes are never concurrent: the store's queue
 * and its load each wait for the previous write. The store calls the two halves itself (`writeTemp`,
 * then `replace`), so the temp file is written while the audit lines are appended.
 */
export class StoreFileAdapter implements Adapter<StoreFile>, StateFileWriter {
  readonly #file: string;
  readonly #durable: boolean;
  /** The organizations of the last file written, whose cached bytes the next write may drop. */
  #written: readonly unknown[] | undefined;

  /** `durable`: the temp file is flushed to the disk before the rename, and the rename itself after it (see `replace`). */
  constructor(file: string, durable = true) {
    this.#file = file;
    this.#durable = durable;
  }

  async read(): Promise<StoreFile | null> {
    const text = await readFile(this.#file, 'utf-8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    return text === null ? null : (JSON.parse(text) as StoreFile);
  }

  async write(data: StoreFile): Promise<void> {
    await this.writeTemp(data);
    await this.replace(data);
  }

  /**
   * The whole file to the temp file (created or truncated, as writeFile would). Nothing reads the temp
   * file: until `replace` it changes nothing, and a temp file left by a failed batch is truncated by the
   * next write (or removed when the store is opened).
   */
  async writeTemp(data: StoreFile): Promise<void> {
    const temp = tempFileOf(this.#file);
    const handle = await open(temp, 'w');
    try {
      // Serialized once the temp file is open: by then the audit append the store started first is on its way.
      const chunks = storeFileChunks(data);
      const { bytesWritten } = await handle.writev(chunks);
      const expected = chunks.reduce((n, c) => n + c.length, 0);
      // libuv writes on after a partial write; if it ever stops short, the rename must not happen.
      if (bytesWritten !== expected) throw new Error(`wrote ${bytesWritten} of ${expected} bytes to ${temp}`);
      // On the disk before it replaces the state: after a power loss the rename may survive the data.
      if (this.#durable) await handle.datasync();
    } finally {
      await handle.close();
    }
  }

  /**
   * Renames the temp file `writeTemp` wrote for `data` over the file: the one step that changes the
   * state. Durable, the folder is flushed too, so the rename is on the disk when this resolves: only
   * then is the change acknowledged, and a power loss cannot take it back.
   */
  async replace(data: StoreFile): Promise<void> {
    await renameRetrying(tempFileOf(this.#file), this.#file);
    const organizations = Array.isArray(data.organizations) ? (data.organizations as readonly unknown[]) : [];
    if (this.#written !== undefined) forgetReplaced(this.#written, organizations);
    this.#written = organizations;
    if (this.#durable) {
      await syncFolder(dirname(this.#file)).catch((err: Error) => {
        throw new RenamedNotFlushed(err.message);
      });
    }
  }
}

/** As steno does: a rename can fail for a moment on Windows (a virus scanner, an indexer holding the file). */
async function renameRetrying(from: string, to: string, tries = 10, delayMs = 100): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await rename(from, to);
    } catch (err) {
      if (i >= tries) throw err;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
