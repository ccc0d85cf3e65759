/**
 * Runs async tasks with at most `concurrency` in flight, in the order they
 * were pushed. `idle()` resolves when everything pushed so far has settled.
 */
export class TaskQueue {
  #running = 0;
  #waiting: (() => void)[] = [];
  #pending = new Set<Promise<unknown>>();

  constructor(readonly concurrency: number) {
    if (!(concurrency >= 1)) throw new RangeError(`concurrency must be at least 1, got ${concurrency}`);
  }

  push<T>(task: () => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.#running >= this.concurrency) await new Promise<void>((resolve) => this.#waiting.push(resolve));
      this.#running++;
      try {
        return await task();
      } finally {
        this.#running--;
        this.#waiting.shift()?.();
      }
    };
    const promise = run();
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    this.#pending.add(settled);
    void settled.then(() => this.#pending.delete(settled));
    return promise;
  }

  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all(this.#pending);
  }
}
