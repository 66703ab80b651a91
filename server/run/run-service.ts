import type { RgbaImage } from '../../core/cv/rgba-image.ts';
import type { ExtractRequest } from '../../core/protocol/extract-request.ts';
import type { RunEvent } from '../../core/protocol/run-event.ts';
import type { Ledger } from '../budget/ledger.ts';
import type { ResultCache } from '../cache/result-cache.ts';
import type { Extractor } from '../orchestrator/extractor.ts';
import { runExtraction, type CachedResult, type RunResult } from '../orchestrator/run-extraction.ts';
import { prepareRun, type PreparedRun } from './prepare-run.ts';

export interface RunServiceDeps {
  readonly extractors: readonly Extractor[];
  readonly ledger: Ledger;
  readonly cache: ResultCache<CachedResult>;
  readonly decodeImage: (bytes: Uint8Array) => Promise<RgbaImage>;
  readonly newRunId?: () => string;
}

export interface RunService {
  readonly extractors: readonly Extractor[];
  readonly ledger: Ledger;
  /** Decodes the images and checks the votes. Rejects with ApiException when the request cannot start (undecodable image, foreign votes). */
  prepare(request: ExtractRequest): Promise<PreparedRun>;
  /** Runs a prepared extraction, streaming its events to `emit`. */
  run(prepared: PreparedRun, request: ExtractRequest, emit: (event: RunEvent) => void, signal: AbortSignal): Promise<RunResult & { runId: string }>;
}

/** One place that turns a validated request into a run, shared by the WebSocket, SSE and JSON routes and the CLI. */
export function createRunService(deps: RunServiceDeps): RunService {
  const newRunId = deps.newRunId ?? (() => crypto.randomUUID());
  return {
    extractors: deps.extractors,
    ledger: deps.ledger,
    prepare: (request) => prepareRun(request, deps.extractors, deps.decodeImage),
    async run(prepared, request, emit, signal) {
      const runId = newRunId();
      const result = await runExtraction({
        runId,
        extractors: deps.extractors,
        images: prepared.images,
        clientVotes: prepared.clientVotes,
        useAi: request.use_ai,
        maxCost: request.max_cost,
        paid: request.paid,
        ledger: deps.ledger,
        cache: deps.cache,
        emit,
        signal,
      });
      return { ...result, runId };
    },
  };
}
