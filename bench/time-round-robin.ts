import { median } from './median.ts';

/** One of the functions `timeRoundRobin` times: at most `maxRuns` timed runs of it (default: all). */
export interface RoundRobinEntry<T> {
  readonly run: () => T | Promise<T>;
  readonly maxRuns?: number;
}

/** What `timeRoundRobin` gives back for one entry: as `timeRuns`, or the error it threw. */
export type RoundRobinResult<T> =
  | { readonly ok: true; readonly medianMs: number; readonly samplesMs: readonly number[]; readonly result: T }
  | { readonly ok: false; readonly error: unknown };

/**
 * Times several functions on the same input in rounds: each round runs every entry once, in
 * order, so a slow stretch of a shared machine (another process, the hypervisor taking the CPU)
 * falls on every entry alike instead of on whichever happened to be running; ratios between
 * entries are what the bench reports. `warmups` untimed rounds first. An entry that throws is
 * left out of later rounds and reported with its error.
 */
export async function timeRoundRobin<T>(entries: readonly RoundRobinEntry<T>[], runs: number, warmups: number): Promise<RoundRobinResult<T>[]> {
  const samples = entries.map((): number[] => []);
  const first: ({ value: T } | null)[] = entries.map(() => null);
  const errors = new Map<number, unknown>();
  for (let round = 0; round < warmups + runs; round++) {
    for (const [i, entry] of entries.entries()) {
      if (errors.has(i)) continue;
      const timed = round >= warmups;
      if (timed && samples[i]!.length >= Math.min(runs, entry.maxRuns ?? runs)) continue;
      try {
        const start = performance.now();
        const pending = entry.run();
        const value = pending instanceof Promise ? await pending : pending;
        const ms = performance.now() - start;
        if (timed) samples[i]!.push(ms);
        first[i] ??= { value };
      } catch (error) {
        errors.set(i, error);
      }
    }
  }
  return entries.map((_, i): RoundRobinResult<T> => {
    if (errors.has(i)) return { ok: false, error: errors.get(i) };
    const result = first[i];
    if (!result || samples[i]!.length === 0) throw new Error('timeRoundRobin needs at least one timed run');
    return { ok: true, medianMs: median(samples[i]!), samplesMs: samples[i]!, result: result.value };
  });
}
