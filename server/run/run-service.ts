import type { RgbaImage } from '../../core/cv/rgba-image.ts';
import type { ExtractRequest } from '../../core/protocol/extract-request.ts';
import type { RunEvent } from '../../core/protocol/run-event.ts';
import type { Ledger } from '../budget/ledger.ts';
import type { ResultCache } from '../cache/result-cache.ts';
import type { Extractor } from '../orchestrator/extractor.ts';
import { runExtraction, type CachedResult, type RunResult } from '../orchestrator/run-extraction.ts';
import { prepareRun, type PreparedRun } from './prepare-run.ts';
import { ApiException } from './api-exception.ts';
import { LIMITS, type Limits } from '../security/limits.ts';
import { createPixelBudget } from '../security/pixel-budget.ts';
import { createRateLimiter } from '../security/rate-limiter.ts';
import { createRunMetrics, type RunMetrics } from '../metrics/run-metrics.ts';
import { RunStopped } from '../orchestrator/run-stopped.ts';

/** What a run stopped by a shutdown, and a request refused during one, are told. */
const SHUTTING_DOWN_MESSAGE = 'The Chorus server is shutting down; what finished before is kept. Run again in a moment.';

export interface RunServiceDeps {
  readonly extractors: readonly Extractor[];
  /** Where the dashboard's figures come from; every event of every run is observed. */
  readonly metrics?: RunMetrics;
  /** Limits at the edge (default LIMITS). */
  readonly limits?: Limits;
  readonly ledger: Ledger;
  readonly cache: ResultCache<CachedResult>;
  readonly decodeImage: (bytes: Uint8Array) => Promise<RgbaImage>;
  readonly newRunId?: () => string;
  /** The worker pool decoding, CV and the models' downscales run in, when there is one (reported by /api/v1/health). */
  readonly cpu?: { readonly size: number; queued(): number; downscale?(rgba: RgbaImage, width: number, height: number): Promise<RgbaImage> };
}

export interface RunService {
  readonly extractors: readonly Extractor[];
  readonly metrics: RunMetrics;
  readonly ledger: Ledger;
  readonly limits: Limits;
  readonly cpu?: { readonly size: number; queued(): number };
  /**
   * Admits a run from `clientId` (rate and concurrency limits), holds memory for its pixels,
   * decodes the images and checks the votes. Rejects with ApiException when the request cannot
   * start: 429 over a client's limits, 503 when the server is full, 4xx for a bad image or votes.
   */
  prepare(request: ExtractRequest, clientId: string): Promise<PreparedRun>;
  /**
   * Runs a prepared extraction, streaming its events to `emit`. Rejects with ApiException
   * `SHUTTING_DOWN` (503) when the service is stopping.
   */
  run(prepared: PreparedRun, request: ExtractRequest, emit: (event: RunEvent) => void, signal: AbortSignal): Promise<RunResult & { runId: string }>;
  /** Aborted (reason `RunStopped`) once `shutdown` is called: transports close their connections on it. */
  readonly stopping: AbortSignal;
  /**
   * Refuses new runs, aborts every run in flight (each ends with an `error` event `SHUTTING_DOWN`,
   * its provider calls aborted and its reservations released) and resolves once all have ended.
   */
  shutdown(): Promise<void>;
}

/** One place that turns a validated request into a run, shared by the WebSocket, SSE and JSON routes and the CLI. */
export function createRunService(deps: RunServiceDeps): RunService {
  const newRunId = deps.newRunId ?? (() => crypto.randomUUID());
  const limits = deps.limits ?? LIMITS;
  const rateLimiter = createRateLimiter({
    concurrentRuns: limits.concurrentRunsPerClient,
    runsPerMinute: limits.runsPerMinutePerClient,
    maxTrackedClients: limits.maxTrackedClients,
  });
  const pixelBudget = createPixelBudget(limits.maxPixelsInFlight);
  const metrics = deps.metrics ?? createRunMetrics();
  const stopping = new AbortController();
  /** Prepares and runs in flight: a shutdown waits for every one of them. */
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    const forget = () => inFlight.delete(work);
    work.then(forget, forget);
    return work;
  };
  const refuseIfStopping = () => {
    if (stopping.signal.aborted) throw new ApiException(503, 'SHUTTING_DOWN', SHUTTING_DOWN_MESSAGE);
  };
  const prepare = async (request: ExtractRequest, clientId: string): Promise<PreparedRun> => {
    const admission = rateLimiter.admit(clientId);
    if (!admission.ok) throw new ApiException(429, admission.code, admission.message);
    try {
      const prepared = await prepareRun(request, deps.extractors, deps.decodeImage, { maxPixelsPerRequest: limits.maxPixelsPerRequest, pixelBudget }, deps.cpu?.downscale);
      return {
        ...prepared,
        release: () => {
          prepared.release();
          admission.release();
        },
      };
    } catch (error) {
      admission.release();
      throw error;
    }
  };
  const run = async (prepared: PreparedRun, request: ExtractRequest, emit: (event: RunEvent) => void, signal: AbortSignal): Promise<RunResult & { runId: string }> => {
    const runId = newRunId();
    try {
      refuseIfStopping();
      const result = await runExtraction({
        runId,
        extractors: deps.extractors,
        images: prepared.images,
        clientVotes: prepared.clientVotes,
        useAi: request.use_ai,
        maxCost: request.max_cost,
        paid: request.paid,
        weights: request.weights,
        ledger: deps.ledger,
        cache: deps.cache,
        emit: (event) => {
          metrics.observe(event);
          emit(event);
        },
        // The shutdown's signal first: a run stopped by both says SHUTTING_DOWN, not CANCELLED.
        signal: AbortSignal.any([stopping.signal, signal]),
      });
      return { ...result, runId };
    } finally {
      // A run that ended without its last event reaching the metrics (an internal error) is stored as far as it got.
      metrics.end(runId);
      prepared.release();
    }
  };
  return {
    extractors: deps.extractors,
    metrics,
    ledger: deps.ledger,
    limits,
    ...(deps.cpu ? { cpu: deps.cpu } : {}),
    stopping: stopping.signal,
    prepare(request, clientId) {
      refuseIfStopping();
      return track(prepare(request, clientId));
    },
    run(prepared, request, emit, signal) {
      return track(run(prepared, request, emit, signal));
    },
    async shutdown() {
      if (!stopping.signal.aborted) stopping.abort(new RunStopped('SHUTTING_DOWN', SHUTTING_DOWN_MESSAGE));
      await Promise.allSettled([...inFlight]);
    },
  };
}
