import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** How garbage was collected before a memory reading: by `global.gc` (node --expose-gc), by the same function exposed at run time, or not at all. */
export type GcMethod = 'global.gc' | 'exposed at run time' | 'none';

let exposed: (() => void) | undefined;

/**
 * Runs a full collection, so two memory readings compare live data and not garbage. Uses
 * `global.gc` when node was started with --expose-gc; otherwise sets that V8 flag now and takes
 * `gc` from a fresh context (V8 installs it in contexts made after the flag).
 */
export function collectGarbage(): GcMethod {
  if (typeof globalThis.gc === 'function') {
    globalThis.gc();
    return 'global.gc';
  }
  try {
    if (!exposed) {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
      if (typeof gc === 'function') exposed = () => void gc();
    }
  } catch {
    exposed = undefined;
  }
  if (!exposed) return 'none';
  exposed();
  return 'exposed at run time';
}

/** Resident set and heap in MB (10⁶ bytes), after a collection. */
export function memoryAfterGc(): { rssMb: number; heapUsedMb: number; externalMb: number; gc: GcMethod } {
  const gc = collectGarbage();
  // A second pass picks up what the first one's finalizers released.
  collectGarbage();
  const usage = process.memoryUsage();
  return { rssMb: usage.rss / 1e6, heapUsedMb: usage.heapUsed / 1e6, externalMb: (usage.external + usage.arrayBuffers) / 1e6, gc };
}
