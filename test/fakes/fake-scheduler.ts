/**
 * Figma delivers events and resolves its async APIs later, never inside the call that caused
 * them. The fake does the same on a macrotask, and tracks every such task (and every promise a
 * plugin handler returns) so a test can wait until the fake is quiet with `settle()`.
 */
export class FakeScheduler {
  private readonly pending = new Set<Promise<void>>();
  /** Errors thrown by plugin callbacks (message and event handlers): Figma prints them to the console. */
  readonly uncaughtErrors: unknown[] = [];

  /** Runs `run` on a later macrotask and resolves (or rejects) with its result. */
  later<T>(run: () => T | PromiseLike<T>): Promise<T> {
    const result = new Promise<T>((resolve, reject) => {
      setTimeout(() => {
        try {
          resolve(run());
        } catch (error) {
          reject(error);
        }
      }, 0);
    });
    this.track(result);
    return result;
  }

  /** Delivers to a plugin callback later; a throw or a rejected returned promise is recorded as uncaught. */
  deliver(callback: () => unknown): Promise<void> {
    return this.later(callback).then(
      () => undefined,
      (error: unknown) => {
        this.uncaughtErrors.push(error);
      },
    );
  }

  /** Counts `work` as pending until it settles; never rejects the caller's copy. */
  track(work: PromiseLike<unknown>): void {
    const settled = Promise.resolve(work).then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(settled);
    void settled.then(() => this.pending.delete(settled));
  }

  /** Resolves once no tracked work is left and one more macrotask passed without new work. */
  async settle(): Promise<void> {
    // A bound, so a plugin that keeps scheduling work fails the test instead of hanging it.
    for (let round = 0; round < 10_000; round++) {
      if (this.pending.size > 0) {
        await Promise.all([...this.pending]);
        continue;
      }
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (this.pending.size === 0) return;
    }
    throw new Error('figma fake: still busy after 10 000 rounds of settle(); is the plugin looping?');
  }
}
