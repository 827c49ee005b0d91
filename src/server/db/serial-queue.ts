/** A one-at-a-time async queue: PGlite is one connection, so its transactions must not interleave. */

/** Runs tasks strictly one after another, in the order they were queued. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private queued = 0;

  /** Tasks queued or running (the metrics show how far PGlite's one connection is behind). */
  get depth(): number {
    return this.queued;
  }

  /** Queues `task`; resolves or rejects with its result once every earlier task has settled. */
  run<T>(task: () => Promise<T>): Promise<T> {
    this.queued += 1;
    const counted = () => task().finally(() => (this.queued -= 1));
    const result = this.tail.then(counted, counted);
    // A failed task must not block the queue, so the tail swallows its error (the caller still sees it).
    this.tail = result.catch(() => undefined);
    return result;
  }
}
