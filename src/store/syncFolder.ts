import { open } from 'node:fs/promises';

/** Systems where a folder cannot be opened or flushed (Windows): its entries are made durable with the files. */
const UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF']);

/**
 * Flushes a folder's entries to the disk (fsync of the folder): a rename or a new file in it is then
 * durable. Where the system cannot do that for folders, nothing is done.
 */
export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
  } catch (err) {
    if (UNSUPPORTED.has((err as NodeJS.ErrnoException).code ?? '')) return;
    throw err;
  }
  try {
    await handle.sync().catch((err: NodeJS.ErrnoException) => {
      if (!UNSUPPORTED.has(err.code ?? '')) throw err;
    });
  } finally {
    await handle.close();
  }
}
