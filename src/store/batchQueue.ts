/**
 * One queue for every read-modify-write of the store, processed in order by a single worker. Jobs
 * that arrive while a batch is being written wait and form the next batch (group commit): parallel
 * conversations share file writes instead of queueing one write each, and no job ever sees a model
 * another job is replacing.
 */
export class BatchQueue<J> {
  readonly #process: (batch: J[]) => Promise<void>;
  readonly #maxBatch: number;
  #waiting: J[] = [];
  #worker: Promise<void> | undefined;

  /** `maxBatch` bounds how long one batch holds the event loop while its changes are planned. */
  constructor(process: (batch: J[]) => Promise<void>, maxBatch = 100) {
    this.#process = process;
    this.#maxBatch = maxBatch;
  }

  push(job: J): void {
    this.#waiting.push(job);
    this.#worker ??= this.#work();
  }

  /** Resolves when every job pushed so far has been processed. */
  async drain(): Promise<void> {
    while (this.#worker) await this.#worker;
  }

  async #work(): Promise<void> {
    try {
      // Let the jobs pushed in the same tick join the first batch.
      await Promise.resolve();
      while (this.#waiting.length > 0) {
        const batch = this.#waiting.splice(0, this.#maxBatch);
        await this.#process(batch);
      }
    } finally {
      // The processor answers its own jobs; should it ever throw (a bug), the next push starts afresh.
      this.#worker = undefined;
    }
  }
}
