/**
 * The bot alone in a child process (for the request bench): its memory and its event loop are then
 * its own, not shared with the client that measures it. argv: store folder, seed file. Tells its
 * parent `{ url }` once listening; answers `memory` with its memory use at rest (after garbage collections),
 * and `close` by closing and exiting.
 */
import { startAppOn } from './bigBot';

const gc = (globalThis as { gc?: () => void }).gc;

async function main(): Promise<void> {
  const [dir, seed] = process.argv.slice(2);
  if (!dir || !seed || !process.send) throw new Error('botProcess: run me with fork(dir, seed)');
  const app = await startAppOn(dir, seed);
  process.on('message', (msg: unknown) => {
    if (msg === 'memory') {
      // At rest: V8 returns freed pages to the system a moment after a full collection.
      gc?.();
      setTimeout(() => {
        gc?.();
        process.send?.({ memory: process.memoryUsage() });
      }, 1000);
    } else if (msg === 'close') {
      void app.close().then(() => process.exit(0));
    }
  });
  process.send({ url: app.url });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
