import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RgbaImage } from '../../core/cv/rgba-image.ts';
import type { ColorVote } from '../../core/vote/color-vote.ts';
import { DecodeError } from '../decode/decode-error.ts';
import { decodeImage } from '../decode/decode-image.ts';
import { downscaleRgba } from '../extractors/private/downscale-rgba.ts';
import type { Extractor } from '../orchestrator/extractor.ts';
import { ApiException } from './api-exception.ts';
import { toShared, type CpuReply, type CpuTask } from './cpu-task.ts';

/**
 * Decodes waiting per worker before a new run is refused SERVER_BUSY: one to three seconds of work
 * at 10–25 ms a screen (BENCHMARKS.md), so a burst of a few hundred queues and a flood is told to
 * come back. Memory is bounded separately, by the pixels in flight.
 */
export const QUEUED_DECODES_PER_WORKER = 128;
/**
 * A task waiting longer than this goes next whatever its lane: under a steady flood of new runs,
 * the later tiers of the runs admitted still finish.
 */
export const MAX_WAIT_MS = 5_000;

/**
 * What a task is for, in the order the pool serves them: the CV that gives an admitted run its
 * first answer (tier 1), then the decodes that admit new runs, then the heavier CV of later tiers.
 * A burst of N runs then sees its first answers one run after another instead of all N after every
 * decode (first-come order), and tier 2 fills the time no one is waiting on a first answer.
 */
const LANES = ['first-answer', 'decode', 'later'] as const;
type Lane = (typeof LANES)[number];

export interface CpuPool {
  readonly size: number;
  /** Decodes in a worker. Rejects with DecodeError as `decodeImage` does, or ApiException SERVER_BUSY (503) when the queue is full. */
  decode(bytes: Uint8Array): Promise<RgbaImage>;
  /** `rgba` downscaled (area average) in a worker, for a model's image. Rejects as `downscaleRgba` does. */
  downscale(rgba: RgbaImage, width: number, height: number): Promise<RgbaImage>;
  /** `extractors` with each CV one running in the pool instead of on the event loop. */
  offload(extractors: readonly Extractor[]): Extractor[];
  /** Tasks waiting for a worker now. */
  queued(): number;
  /** Resolves once a worker has loaded (work before that runs on the event loop). */
  readonly ready: Promise<void>;
  /** Resolves once every worker has loaded: from then on the pool's memory is its steady cost, not its start-up. */
  readonly allReady: Promise<void>;
  close(): Promise<void>;
}

/** What a queued task is told when no worker is left to run it: the caller runs it on the event loop. */
const NO_WORKER = 'no-worker';
type Outcome = CpuReply | typeof NO_WORKER;
type Pending = { task: CpuTask; lane: Lane; queuedAt: number; resolve: (outcome: Outcome) => void; transfer: ArrayBuffer[] };
/** A worker and the tasks it holds, by id. `original`: one of the `size` started with the pool (not a replacement). */
type Slot = { readonly worker: Worker; readonly inFlight: Map<number, Pending>; ready: boolean; readonly original: boolean };

/**
 * Tasks a worker holds at once: the one it runs and the next, so it starts that one the moment it
 * finishes instead of waiting for the event loop (busy with other runs' messages) to send it.
 */
const PIPELINE = 2;

/**
 * A pool of `size` worker threads (default: one per core, `os.availableParallelism()`) for the
 * CPU-heavy part of a run. Decodes of new runs wait in a queue bounded at
 * QUEUED_DECODES_PER_WORKER per worker; CV tasks of runs already admitted always queue (their
 * number is bounded by the runs admitted, and refusing them halfway would waste the decode).
 * Tasks are served by lane (LANES: first answers, decodes, later tiers), the oldest first in each.
 * Until the first worker has loaded (seconds on a busy machine), the work runs on the event loop,
 * as it would without a pool, rather than waiting.
 */
export function createCpuPool(options: { size?: number; extractorsConfig?: string | undefined } = {}): CpuPool {
  const size = options.size ?? availableParallelism();
  const maxQueuedDecodes = size * QUEUED_DECODES_PER_WORKER;
  const slots: Slot[] = [];
  let closing = false;
  const queues: Record<Lane, Pending[]> = { 'first-answer': [], decode: [], later: [] };
  /** The next task: the oldest of any lane once it has waited MAX_WAIT_MS, else the first of the first lane that has one. */
  const next = (): Pending | undefined => {
    const now = performance.now();
    const starved = LANES.flatMap((lane) => queues[lane].slice(0, 1)).filter((p) => now - p.queuedAt >= MAX_WAIT_MS);
    const pick = starved.sort((a, b) => a.queuedAt - b.queuedAt)[0] ?? LANES.map((lane) => queues[lane][0]).find((p) => p !== undefined);
    if (pick) queues[pick.lane].shift();
    return pick;
  };
  let nextId = 0;
  let queuedDecodes = 0;
  let markReady = () => undefined as void;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  /** Original workers that have loaded or failed to: allReady once all have. */
  let settled = 0;
  let markAllReady = () => undefined as void;
  const allReady = new Promise<void>((resolve) => {
    markAllReady = resolve;
  });

  const dispatch = () => {
    for (;;) {
      // The loaded worker with the fewest tasks, while one has room.
      const slot = slots.filter((w) => w.ready && w.inFlight.size < PIPELINE).sort((x, y) => x.inFlight.size - y.inFlight.size)[0];
      if (!slot) return;
      const pending = next();
      if (!pending) return;
      if (pending.task.kind === 'decode') queuedDecodes--;
      slot.inFlight.set(pending.task.id, pending);
      // A busy worker keeps the process alive: with every worker unref'd, a CLI awaiting only a
      // worker's reply had nothing else on its event loop and Node ended it mid-run (exit 13).
      slot.worker.ref();
      slot.worker.postMessage(pending.task, pending.transfer);
    }
  };
  const queued = () => LANES.reduce((n, lane) => n + queues[lane].length, 0);
  /** Ends every queued task with `outcome` (no worker left, or the pool closing). */
  const drain = (outcome: (pending: Pending) => Outcome) => {
    for (const lane of LANES) for (const pending of queues[lane].splice(0)) pending.resolve(outcome(pending));
    queuedDecodes = 0;
  };
  const settle = (slot: Slot) => {
    if (slot.original && ++settled === size) markAllReady();
  };
  const spawn = (original: boolean): void => {
    // The server runs its TypeScript sources directly: the entry gives the worker tsx's loader too.
    const worker = new Worker(new URL('./cpu-worker-entry.mjs', import.meta.url), { workerData: { extractorsConfig: options.extractorsConfig } });
    const slot: Slot = { worker, inFlight: new Map(), ready: false, original };
    slots.push(slot);
    worker.on('message', (reply: CpuReply | 'ready') => {
      if (reply === 'ready') {
        // While closing, a worker stays ref'd until it has exited: unref'd after `terminate()`, a
        // process awaiting `close()` has nothing left on its event loop and Node ends it with
        // exit 13 (seen: the CLI done before its workers had loaded, their 'ready' arriving just
        // after terminate).
        if (closing) return;
        slot.ready = true;
        markReady();
        settle(slot);
        dispatch();
        if (slot.inFlight.size === 0) worker.unref();
        return;
      }
      const pending = slot.inFlight.get(reply.id);
      slot.inFlight.delete(reply.id);
      if (slot.inFlight.size === 0 && !closing) worker.unref();
      pending?.resolve(reply);
      dispatch();
    });
    worker.on('error', (error) => console.error('chorus: a CPU worker failed', error));
    worker.on('exit', (code) => {
      slots.splice(slots.indexOf(slot), 1);
      // Its tasks fail rather than run again: the task itself may be what brought the worker down.
      for (const pending of slot.inFlight.values()) pending.resolve({ id: pending.task.id, ok: false, message: `The CPU worker stopped (exit code ${code}) during this task.` });
      if (closing) return;
      // A worker that had loaded is replaced, so a crash costs its tasks, not the pool's capacity;
      // one that never loaded is not (it would fail again), and the work falls back to the event loop.
      if (slot.ready) spawn(false);
      else {
        settle(slot);
        console.error(`chorus: a CPU worker stopped before it loaded (exit code ${code}); ${slots.length} remain.`);
      }
      // With no worker running or loading, what waits would wait for ever: it runs on the event loop.
      if (slots.length === 0) drain(() => NO_WORKER);
      dispatch();
    });
    // An idle worker does not keep the process alive (ref'd only while it has a task); a
    // replacement loading while tasks wait for it is what they wait on, so it does.
    if (queued() > 0) worker.ref();
    else worker.unref();
  };
  for (let i = 0; i < size; i++) spawn(true);

  const submit = (task: CpuTask, lane: Lane, transfer: ArrayBuffer[] = []): Promise<Outcome> =>
    new Promise((resolve) => {
      queues[lane].push({ task, lane, queuedAt: performance.now(), resolve, transfer });
      if (task.kind === 'decode') queuedDecodes++;
      dispatch();
    });

  const fail = (reply: Extract<CpuReply, { ok: false }>): never => {
    if (reply.decodeError) throw new DecodeError(reply.decodeError, reply.message);
    throw new Error(reply.message);
  };

  /** True while a worker has loaded: before that (or with none left), work runs on the event loop. */
  const up = () => slots.some((w) => w.ready);

  /** Pixels made in a worker, or by `here` on this thread when no worker has loaded or is left. */
  const pixels = async (makeTask: () => CpuTask, lane: Lane, here: () => RgbaImage | Promise<RgbaImage>): Promise<RgbaImage> => {
    if (!up()) return here();
    // Made only when a worker will take it: a task may copy its pixels into shared memory.
    const task = makeTask();
    const reply = await submit(task, lane);
    if (reply === NO_WORKER) return here();
    if (!reply.ok) return fail(reply);
    if (!('rgba' in reply)) throw new Error(`The CPU worker answered a ${task.kind} task with votes.`);
    return reply.rgba;
  };

  /** The votes from a worker, or undefined when no worker was left to run it. */
  const runCv = async (extractorId: string, lane: Lane, images: readonly RgbaImage[]): Promise<readonly ColorVote[] | undefined> => {
    const reply = await submit({ id: nextId++, kind: 'cv', extractorId, images: images.map(toShared) }, lane);
    if (reply === NO_WORKER) return undefined;
    if (!reply.ok) return fail(reply);
    if (!('votes' in reply)) throw new Error('The CPU worker answered a CV task with pixels.');
    return reply.votes;
  };

  return {
    size,
    async decode(bytes) {
      if (!up()) return decodeImage(bytes);
      if (queuedDecodes >= maxQueuedDecodes) {
        throw new ApiException(503, 'SERVER_BUSY', `The server has ${queuedDecodes} images waiting to be decoded. Try again in a few seconds.`);
      }
      return pixels(() => ({ id: nextId++, kind: 'decode', bytes }), 'decode', () => decodeImage(bytes));
    },
    downscale: (rgba, width, height) => pixels(() => ({ id: nextId++, kind: 'downscale', image: toShared(rgba), width, height }), 'later', () => downscaleRgba(rgba, width, height)),
    offload: (extractors) =>
      extractors.map((e) =>
        e.kind === 'cv' && e.unavailable === undefined
          ? {
              ...e,
              run: async (input) => {
                const votes = up() ? await runCv(e.id, e.tier === 1 ? 'first-answer' : 'later', input.images.map((i) => i.rgba)) : undefined;
                return votes ? { votes, cost: 0 } : e.run(input);
              },
            }
          : e,
      ),
    queued,
    ready,
    allReady,
    close: async () => {
      closing = true;
      for (const slot of slots) slot.worker.ref();
      drain((pending) => ({ id: pending.task.id, ok: false, message: 'The server is stopping: this task was not run.' }));
      await Promise.all(slots.map((w) => w.worker.terminate()));
      // Nothing loads after this: whoever waits for the workers stops waiting.
      markReady();
      markAllReady();
    },
  };
}
