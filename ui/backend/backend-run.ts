import type { Extraction } from '../../core/cv/extracted-color.ts';
import { DEFAULT_MAX_COST_USD, extractRequestSchema, MAX_IMAGES_PER_REQUEST } from '../../core/protocol/extract-request.ts';
import { applyRunEvent, EMPTY_PROGRESS, type RunProgress } from '../../core/protocol/run-progress.ts';
import { bytesToBase64 } from './bytes-to-base64.ts';
import { diagnoseUnreachable, type UnreachableCause } from './diagnose-unreachable.ts';
import { progressiveUrl } from '../../core/protocol/progressive-url.ts';
import type { OpenRunSocket } from './run-socket.ts';
import { streamRun, type StreamEnd } from './stream-run.ts';
import { tier1Votes } from './tier1-votes.ts';

/** Why the backend's tiers are missing or stopped short, in a sentence the designer can act on. */
export interface BackendProblem {
  readonly code: 'UNREACHABLE' | 'CLOSED' | 'SILENT' | 'RUN_FAILED' | 'NOT_SENT';
  /** One sentence; text between backticks is a command. */
  readonly message: string;
  /** The technical detail, for a tooltip. */
  readonly detail?: string;
  /** For UNREACHABLE: what stood in the way (diagnoseUnreachable). */
  readonly cause?: UnreachableCause;
}

/** A backend run as the UI draws it. */
export type BackendRunState =
  /** No run: no server is set, or the run was cancelled. */
  | { readonly phase: 'off' }
  | { readonly phase: 'connecting'; readonly serverUrl: string }
  | { readonly phase: 'streaming' | 'complete'; readonly serverUrl: string; readonly progress: RunProgress }
  /** `progress` holds what arrived before the run stopped, if anything did. */
  | { readonly phase: 'failed'; readonly serverUrl: string; readonly progress: RunProgress | null; readonly problem: BackendProblem };

export interface BackendRunInput {
  /** An http(s) address, or `''` for no backend. */
  readonly serverUrl: string;
  /** The exported frames, PNG bytes. */
  readonly images: readonly Uint8Array[];
  /** The plugin's tier-1 extractions of those frames: they go as the run's tier-1 votes. */
  readonly extractions: readonly Extraction[];
  /** Multipliers (0.25–4) on extractors' weights for this run's vote, e.g. learned from review decisions. */
  readonly weights?: Readonly<Record<string, number>>;
}

export interface BackendRunOptions {
  readonly openSocket?: OpenRunSocket;
  readonly connectTimeoutMs?: number;
  readonly idleTimeoutMs?: number;
  readonly warn?: (message: string) => void;
  /** The manifest's allowed and dev-allowed domains, to tell a blocked server from a dead one; undefined without a manifest. */
  readonly reachableDomains?: readonly string[] | undefined;
  /** For the health probe after a failed connection (the playground's carries its token). */
  readonly fetch?: typeof fetch;
  readonly probeTimeoutMs?: number;
}

export interface BackendRunHandle {
  /** Cancels the run on the server and closes; no state is reported after it. */
  cancel(): void;
}

/**
 * Runs tiers 2–4 on the backend for frames the plugin has already run tier 1 on: sends the PNGs
 * and the tier-1 votes, folds each event into a RunProgress with `applyRunEvent`, and reports
 * every state change to `onState`. The deep tier runs only when tier 3 left doubt
 * (`paid: 'auto'`), within the protocol's default per-request budget; `weights`, if any, go with
 * the request for the backend to apply to the vote. Never throws.
 */
export function startBackendRun(input: BackendRunInput, onState: (state: BackendRunState) => void, options: BackendRunOptions = {}): BackendRunHandle {
  const { serverUrl } = input;
  const idle: BackendRunHandle = { cancel() {} };
  if (serverUrl.trim() === '') {
    onState({ phase: 'off' });
    return idle;
  }
  const failed = (problem: BackendProblem, progress: RunProgress | null = null): void => onState({ phase: 'failed', serverUrl, progress, problem });

  let url: string;
  try {
    url = progressiveUrl(serverUrl);
  } catch {
    failed({ code: 'NOT_SENT', message: `“${serverUrl}” is not an http:// or https:// address; change the server in settings.` });
    return idle;
  }
  if (input.images.length > MAX_IMAGES_PER_REQUEST) {
    failed({
      code: 'NOT_SENT',
      message: `The backend refines up to ${MAX_IMAGES_PER_REQUEST} frames at a time; select fewer frames to refine this palette.`,
    });
    return idle;
  }
  const request = extractRequestSchema.safeParse({
    action: 'extract',
    images: input.images.map(bytesToBase64),
    use_ai: true,
    max_cost: DEFAULT_MAX_COST_USD,
    paid: 'auto',
    votes: tier1Votes(input.extractions),
    ...(input.weights && Object.keys(input.weights).length > 0 ? { weights: input.weights } : {}),
  });
  if (!request.success) {
    const issue = request.error.issues[0];
    failed({
      code: 'NOT_SENT',
      message: 'Chorus could not send this selection to the backend; the palette is from the plugin alone.',
      detail: `${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}`,
    });
    return idle;
  }

  let progress: RunProgress | null = null;
  let cancelled = false;
  onState({ phase: 'connecting', serverUrl });
  const stream = streamRun({
    url,
    request: request.data,
    ...(options.openSocket ? { openSocket: options.openSocket } : {}),
    ...(options.connectTimeoutMs !== undefined ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
    ...(options.idleTimeoutMs !== undefined ? { idleTimeoutMs: options.idleTimeoutMs } : {}),
    ...(options.warn ? { warn: options.warn } : {}),
    onEvent(event) {
      progress = applyRunEvent(progress ?? EMPTY_PROGRESS, event);
      if (event.stage === 'error') {
        failed({ code: 'RUN_FAILED', message: `The Chorus backend stopped the run: ${event.message}`, detail: event.code }, progress);
      } else onState({ phase: event.stage === 'complete' ? 'complete' : 'streaming', serverUrl, progress });
    },
    onEnd(end) {
      if (end.kind !== 'unreachable') {
        const problem = problemOf(end, serverUrl);
        if (problem) failed(problem, progress);
        return;
      }
      void diagnoseUnreachable(serverUrl, end.timedOut === true, {
        reachableDomains: options.reachableDomains,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.probeTimeoutMs !== undefined ? { probeTimeoutMs: options.probeTimeoutMs } : {}),
      }).then((diagnosis) => {
        if (!cancelled) failed({ code: 'UNREACHABLE', cause: diagnosis.cause, message: diagnosis.message, detail: end.detail }, progress);
      });
    },
  });
  return {
    cancel() {
      cancelled = true;
      stream.cancel();
    },
  };
}

function problemOf(end: Exclude<StreamEnd, { kind: 'unreachable' }>, serverUrl: string): BackendProblem | null {
  switch (end.kind) {
    case 'ended':
      return null;
    case 'closed':
      return {
        code: 'CLOSED',
        message: `The Chorus backend at ${serverUrl} closed the connection before the run finished; the palette shows what arrived.`,
        detail: `close code ${end.code}${end.reason ? `: ${end.reason}` : ''}`,
      };
    case 'silent':
      return {
        code: 'SILENT',
        message: `The Chorus backend at ${serverUrl} went quiet for ${Math.round(end.idleMs / 1000)} s, so Chorus stopped waiting; the palette shows what arrived.`,
      };
  }
}
