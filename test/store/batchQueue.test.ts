import { BatchQueue } from '../../src/store/batchQueue';

describe('BatchQueue', () => {
  it('processes jobs in order, in batches of at most maxBatch, one batch at a time', async () => {
    const batches: number[][] = [];
    let running = 0;
    const queue = new BatchQueue<number>(async (batch) => {
      running++;
      expect(running).toBe(1);
      batches.push(batch);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running--;
    }, 4);
    for (let i = 0; i < 10; i++) queue.push(i);
    await new Promise((resolve) => setTimeout(resolve, 0));
    queue.push(10);
    await queue.drain();
    expect(batches.flat()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(batches[0]).toEqual([0, 1, 2, 3]);
    expect(batches.every((b) => b.length <= 4)).toBe(true);
  });

  it('starts afresh after a processor bug', async () => {
    const seen: string[] = [];
    const queue = new BatchQueue<string>(async ([job]) => {
      if (job === 'bad') throw new Error('bug');
      seen.push(job!);
    }, 1);
    queue.push('bad');
    await expect(queue.drain()).rejects.toThrow('bug');
    queue.push('good');
    await queue.drain();
    expect(seen).toEqual(['good']);
  });
});
