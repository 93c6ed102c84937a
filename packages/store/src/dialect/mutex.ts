/**
 * A first-in, first-out async lock. PGlite is one Postgres backend: the store holds this
 * lock from the moment kysely acquires the connection until it releases it, so the
 * statements of two transactions (or of a transaction and a lone query) never interleave.
 *
 * @example
 * const release = await mutex.acquire();
 * try { await work(); } finally { release(); }
 */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  /** Waits for every earlier holder to release, then returns this holder's release function. */
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.#tail;
    this.#tail = previous.then(() => released);
    await previous;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      release();
    };
  }
}
