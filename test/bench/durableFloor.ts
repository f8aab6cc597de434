import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The physical floor of a durable commit, as benches compare the stores with it: an audit line
 * appended and flushed (fdatasync), the state written to a temp file and flushed, renamed over the
 * state file, and the rename flushed with the folder (fsync) — what the file store does per write.
 * Returns when the state was serialized and when everything was done (performance.now()).
 */
export async function durableFloor(dir: string, auditLine: string, state: () => string): Promise<{ serializedAt: number; doneAt: number }> {
  await writeAndFlush(join(dir, 'floor.audit.jsonl'), 'a', auditLine);
  const text = state();
  const serializedAt = performance.now();
  await writeAndFlush(join(dir, '.floor.json.tmp'), 'w', text);
  await rename(join(dir, '.floor.json.tmp'), join(dir, 'floor.json'));
  const folder = await open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
  return { serializedAt, doneAt: performance.now() };
}

async function writeAndFlush(path: string, flags: 'a' | 'w', text: string): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.writeFile(text, 'utf-8');
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
