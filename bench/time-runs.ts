import { timeRoundRobin } from './time-round-robin.ts';

export interface TimedRuns<T> {
  /** Median wall time of the timed runs, in milliseconds. */
  readonly medianMs: number;
  readonly samplesMs: readonly number[];
  /** The result of the first run (warm-up included), for scoring. */
  readonly result: T;
}

/**
 * Runs `fn` `warmups` times untimed, then `runs` times timed (performance.now, ms), awaiting
 * each run before the next: `timeRoundRobin` with one entry, rethrowing what `fn` threw. No forced
 * GC between runs: tried with --expose-gc, every contender then measured 1.5–3× slower, so forced
 * collection distorts the numbers rather than steadying them; a warm server does not do it either.
 */
export async function timeRuns<T>(fn: () => T | Promise<T>, runs: number, warmups: number): Promise<TimedRuns<T>> {
  const [timed] = await timeRoundRobin([{ run: fn }], runs, warmups);
  if (!timed!.ok) throw timed!.error;
  return timed!;
}
