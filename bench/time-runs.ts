import { median } from './median.ts';

export interface TimedRuns<T> {
  /** Median wall time of the timed runs, in milliseconds. */
  readonly medianMs: number;
  readonly samplesMs: readonly number[];
  /** The result of the first run (warm-up included), for scoring. */
  readonly result: T;
}

/**
 * Runs `fn` `warmups` times untimed, then `runs` times timed (performance.now, ms), awaiting
 * each run before the next. Sync functions are timed without an extra microtask. No forced GC
 * between runs: tried with --expose-gc, every contender then measured 1.5–3× slower, so forced
 * collection distorts the numbers rather than steadying them; a warm server does not do it either.
 */
export async function timeRuns<T>(fn: () => T | Promise<T>, runs: number, warmups: number): Promise<TimedRuns<T>> {
  let first: { value: T } | null = null;
  for (let i = 0; i < warmups; i++) {
    const value = await fn();
    first ??= { value };
  }
  const samplesMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const pending = fn();
    const value = pending instanceof Promise ? await pending : pending;
    samplesMs.push(performance.now() - start);
    first ??= { value };
  }
  if (first === null) throw new Error('timeRuns needs at least one run or warm-up');
  return { medianMs: median(samplesMs), samplesMs, result: first.value };
}
