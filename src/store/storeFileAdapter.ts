import type { Adapter } from 'lowdb';
import { TextFile } from 'lowdb/node';
import type { StoreFile } from './fileSchema';
import { serializeStoreFile } from './serializeStoreFile';

/**
 * lowdb's `JSONFile`, writing the same bytes through the same steno writer (temp file `.<name>.tmp`,
 * then rename: atomic, writes serialized), but serializing with `serializeStoreFile` so a commit costs
 * what it changed, not the whole file.
 */
export class StoreFileAdapter implements Adapter<StoreFile> {
  readonly #text: TextFile;

  constructor(file: string) {
    this.#text = new TextFile(file);
  }

  async read(): Promise<StoreFile | null> {
    const text = await this.#text.read();
    return text === null ? null : (JSON.parse(text) as StoreFile);
  }

  write(data: StoreFile): Promise<void> {
    return this.#text.write(serializeStoreFile(data));
  }
}
