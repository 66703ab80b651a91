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
}

export interface RunService {
  readonly extractors: readonly Extractor[];
  readonly metrics: RunMetrics;
  readonly ledger: Ledger;
  readonly limits: Limits;
  /**
   * Admits a run from `clientId` (rate and concurrency limits), holds memory for its pixels,
   * decodes the images and checks the votes. Rejects with ApiException when the request cannot
   * start: 429 over a client's limits, 503 when the server is full, 4xx for a bad image or votes.
   */
  prepare(request: ExtractRequest, clientId: string): Promise<PreparedRun>;
  /** Runs a prepared extraction, streaming its events to `emit`. */
  run(prepared: PreparedRun, request: ExtractRequest, emit: (event: RunEvent) => void, signal: AbortSignal): Promise<RunResult & { runId: string }>;
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
  return {
    extractors: deps.extractors,
    metrics,
    ledger: deps.ledger,
    limits,
    async prepare(request, clientId) {
      const admission = rateLimiter.admit(clientId);
      if (!admission.ok) throw new ApiException(429, admission.code, admission.message);
      try {
        const prepared = await prepareRun(request, deps.extractors, deps.decodeImage, { maxPixelsPerRequest: limits.maxPixelsPerRequest, pixelBudget });
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
    },
    async run(prepared, request, emit, signal) {
      const runId = newRunId();
      try {
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
          signal,
        });
        return { ...result, runId };
      } finally {
        prepared.release();
      }
    },
  };
}
