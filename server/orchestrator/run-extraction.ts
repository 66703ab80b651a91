import type { PlanEntry, RunEvent, RunEventBody, StatusCode, Tier, Token } from '../../core/protocol/run-event.ts';
import type { ColorVote } from '../../core/vote/color-vote.ts';
import { consensus, type Consensus } from '../../core/vote/consensus.ts';
import { BudgetError } from '../budget/budget-error.ts';
import type { Ledger, Reservation } from '../budget/ledger.ts';
import { cacheKey, sha256Hex } from '../cache/cache-key.ts';
import type { ResultCache } from '../cache/result-cache.ts';
import { ExtractorFailure, type Extractor, type RunImage } from './extractor.ts';
import { RunStopped } from './run-stopped.ts';
import { DOCUMENT_ID } from '../../core/document/vote-document.ts';
import type { VoterKind } from '../../core/vote/voter-kind.ts';
import { tierLeftDoubt } from './tier-left-doubt.ts';

/** The deep tier: asked only when the hosted models before it left doubt (or the client says `paid: 'always'`). */
const DEEP_TIER: Tier = 4;
/** A run that has spent this share of its `max_cost` says so once. */
export const BUDGET_WARNING_SHARE = 0.9;
const TIERS: readonly Tier[] = [1, 2, 3, 4];

/** What a cached extractor result holds: its validated votes. A cache hit costs nothing. */
export interface CachedResult {
  readonly votes: readonly ColorVote[];
}

export interface RunExtractionOptions {
  readonly runId: string;
  readonly extractors: readonly Extractor[];
  readonly images: readonly RunImage[];
  /** The client's tier-1 votes (measured in the plugin), counted as tier 1. */
  readonly clientVotes: readonly ColorVote[];
  readonly useAi: boolean;
  /** This request's spend cap, USD. */
  readonly maxCost: number;
  readonly paid: 'auto' | 'always';
  /** Multipliers on extractors' weights for this run (the request's `weights`). */
  readonly weights?: Readonly<Record<string, number>>;
  readonly ledger: Ledger;
  readonly cache: ResultCache<CachedResult>;
  readonly emit: (event: RunEvent) => void;
  /** Aborted when the client cancels or disconnects, or the server stops (reason `RunStopped`): provider calls in flight are aborted too. */
  readonly signal: AbortSignal;
  readonly now?: () => number;
}

/** How a run ended, for callers that want more than the stream (the CLI, tests). */
export interface RunResult {
  readonly status: 'complete' | 'failed' | 'cancelled';
  readonly consensus: Consensus;
  readonly totalCost: number;
}

class RunFailed extends Error {}

/**
 * Runs the registered extractors tier by tier (the extractors of a tier concurrently), each with
 * its timeout and the run's AbortSignal, and streams, in order: `accepted` (the plan), then per
 * tier `tier_started`, an `extractor_done` as each settles, and `tier_N_complete` with the
 * consensus over every vote so far; then `complete`. A failure, timeout, missing key or budget skip
 * is a status in the stream; only a `required` extractor failing ends the run with `error`.
 * Paid calls are estimated first, skipped if they would pass `maxCost` or the daily cap (a ledger
 * reservation), then booked at what the provider billed. Results are cached; a hit costs $0.
 */
export async function runExtraction(options: RunExtractionOptions): Promise<RunResult> {
  const { runId, extractors, images, emit, ledger, cache, maxCost } = options;
  // Aborted by the client (cancel, disconnect) or by the run itself (a required extractor failed).
  const stop = new AbortController();
  const signal = AbortSignal.any([options.signal, stop.signal]);
  const now = options.now ?? (() => performance.now());
  const started = now();
  let seq = 0;
  let totalCost = 0;
  let heldInRun = 0;
  let warned = false;
  let ended = false;
  const multiplier = (extractor: string) => options.weights?.[extractor] ?? 1;
  const weigh = (vote: ColorVote): ColorVote => (multiplier(vote.extractor) === 1 ? vote : { ...vote, weight: vote.weight * multiplier(vote.extractor) });
  const votes: ColorVote[] = options.clientVotes.map(weigh);
  // Nothing is sent after the run's last event (the transport drops what a departed client cannot get).
  const send = (body: RunEventBody): void => {
    if (ended) return;
    if (body.stage === 'complete' || body.stage === 'error') ended = true;
    emit({ v: 1, run_id: runId, seq: seq++, total_cost: round(totalCost), ...body } as RunEvent);
  };

  const sizes = images.map((i) => ({ width: i.rgba.width, height: i.rgba.height }));
  const clientExtractors = new Set(options.clientVotes.map((v) => v.extractor));
  const plan: PlanEntry[] = extractors.map((e) => planFor(e, options.useAi, clientExtractors, e.estimateCost(sizes), maxCost));
  send({ stage: 'accepted', max_cost: maxCost, images: images.length, plan });

  const imagesKey = images.length === 1 ? images[0]!.sha256 : await combinedSha256(images);
  // The vote weighs kinds of evidence: it must know which extractor is CV, a local or a hosted model.
  const kinds = new Map<string, VoterKind>(extractors.map((e) => [e.id, e.kind]));
  // Votes the plugin read from the file's layers (core/document) are evidence of their own,
  // independent of the pixels; without this entry the vote would count them as more CV.
  kinds.set(DOCUMENT_ID, 'document');
  // A learned weight scales both what a vote adds to its colour's tally and the evidence its witness gives.
  const trust = new Map(Object.entries(options.weights ?? {}));
  let current = consensus(votes, { kinds, trust });

  const runOne = async (extractor: Extractor, entry: PlanEntry): Promise<void> => {
    const t0 = now();
    const done = (status: 'done' | 'failed' | 'timeout' | 'skipped' | 'cancelled', extra: { code?: StatusCode; reason?: string; cost?: number; cached?: boolean; votes?: readonly ColorVote[] }) =>
      send({
        stage: 'extractor_done',
        extractor: extractor.id,
        tier: extractor.tier,
        status,
        ...(extra.code ? { code: extra.code } : {}),
        ...(extra.reason ? { reason: extra.reason } : {}),
        duration_ms: round(now() - t0, 1),
        cost: round(extra.cost ?? 0),
        cached: extra.cached ?? false,
        votes: [...(extra.votes ?? [])],
      });

    const key = await cacheKey({ imageSha256: imagesKey, extractorId: extractor.id, model: extractor.model ?? '', promptVersion: extractor.promptVersion ?? '' });
    const hit = await cache.get(key);
    if (hit) {
      votes.push(...hit.votes.map(weigh));
      done('done', { cached: true, votes: hit.votes });
      return;
    }

    let reservation: Reservation | null = null;
    const estimate = entry.estimated_cost;
    if (estimate > 0) {
      // Checked and held before the first await, so concurrent calls of a tier cannot together pass the cap.
      if (totalCost + heldInRun + estimate > maxCost) {
        done('skipped', { code: 'OVER_BUDGET', reason: `Would cost up to $${estimate.toFixed(4)}; $${Math.max(0, maxCost - totalCost - heldInRun).toFixed(4)} of this request's budget is left.` });
        return;
      }
      heldInRun += estimate;
      try {
        reservation = await ledger.reserve(runId, estimate);
      } catch (error) {
        heldInRun -= estimate;
        // Spending that cannot be recorded is not made: the paid call is skipped, the free tiers go on.
        if (error instanceof BudgetError && error.code === 'LEDGER_UNAVAILABLE') {
          done('skipped', { code: 'LEDGER_UNAVAILABLE', reason: error.message });
          return;
        }
        throw error;
      }
      if (!reservation) {
        heldInRun -= estimate;
        done('skipped', { code: 'DAILY_CAP', reason: `The server's daily budget is spent ($${ledger.remainingToday().toFixed(4)} left today).` });
        return;
      }
    }

    const timeout = AbortSignal.timeout(extractor.timeoutMs);
    const callSignal = AbortSignal.any([signal, timeout]);
    let billed = 0;
    try {
      const output = await raceAbort(extractor.run({ images, measured: votes.filter((v) => v.measured), signal: callSignal }), callSignal);
      billed = output.cost;
      votes.push(...output.votes.map(weigh));
      await cache.set(key, { votes: [...output.votes] }).catch((error: unknown) => console.warn(`chorus: could not cache ${extractor.id}:`, error));
      book(output.cost);
      done('done', { cost: output.cost, votes: output.votes, ...(output.note ? { reason: output.note } : {}) });
    } catch (error) {
      const failure = error instanceof ExtractorFailure ? error : new ExtractorFailure('FAILED', error instanceof Error ? error.message : String(error), 0, { cause: error });
      billed = failure.cost;
      book(failure.cost);
      if (timeout.aborted && !signal.aborted) done('timeout', { code: 'TIMEOUT', reason: `No answer within ${extractor.timeoutMs / 1000} s.`, cost: failure.cost });
      else if (signal.aborted) done('cancelled', { code: 'CANCELLED', reason: 'The run was cancelled.', cost: failure.cost });
      else done(failure.code === 'TIMEOUT' ? 'timeout' : 'failed', { code: failure.code, reason: failure.message, cost: failure.cost });
      if (extractor.required && !signal.aborted) throw new RunFailed(`${extractor.id} is required and ${failure.code === 'TIMEOUT' || timeout.aborted ? 'timed out' : 'failed'}: ${failure.message}`);
    } finally {
      if (reservation) {
        heldInRun -= estimate;
        await (billed > 0 ? ledger.settle(reservation, billed) : ledger.release(reservation));
      }
    }
  };

  const book = (cost: number): void => {
    totalCost += cost;
    if (!warned && maxCost > 0 && totalCost >= BUDGET_WARNING_SHARE * maxCost) {
      warned = true;
      send({ stage: 'budget_warning', spent: round(totalCost), max_cost: maxCost, message: `This run has spent $${totalCost.toFixed(4)} of its $${maxCost.toFixed(2)} budget.` });
    }
  };

  // Extractors whose answers count as the hosted models' evidence before the deep tier.
  const hostedTiers = new Set(extractors.filter((e) => e.kind === 'hosted-model' && e.tier < DEEP_TIER).map((e) => e.id));
  try {
    for (const tier of TIERS) {
      const registered = extractors.filter((e) => e.tier === tier);
      if (registered.length === 0 && !(tier === 1 && options.clientVotes.length > 0)) continue;
      if (signal.aborted) break;
      const entries = registered.map((e) => [e, plan[extractors.indexOf(e)]!] as const);
      for (const [e, entry] of entries) {
        if (!entry.will_run) send(skippedEvent(e, entry));
      }
      let toRun = entries.filter(([, entry]) => entry.will_run);
      // Evidence-based spending: the deep model is asked only when the hosted models before it left doubt.
      if (options.paid === 'auto' && tier === DEEP_TIER) {
        const before = tierLeftDoubt(current, votes.filter((v) => !v.measured && hostedTiers.has(v.extractor)));
        if (!before.doubt) {
          for (const [e, entry] of toRun.filter(([, entry]) => entry.estimated_cost > 0)) {
            send(skippedEvent(e, { ...entry, code: 'NO_DOUBT', reason: `Tier 3 left no doubt (${before.why}); ask with paid: "always" to run it anyway.` }));
          }
          toRun = toRun.filter(([, entry]) => entry.estimated_cost === 0);
        }
      }
      send({ stage: 'tier_started', tier, extractors: toRun.map(([e]) => e.id) });
      await Promise.all(toRun.map(([e, entry]) => runOne(e, entry)));
      if (signal.aborted) break;
      current = consensus(votes, { kinds, trust });
      send({ stage: `tier_${tier}_complete`, tier, tokens: tokensOf(current), confidence: round(current.confidence, 4) });
    }
  } catch (error) {
    stop.abort();
    if (error instanceof RunFailed) {
      send({ stage: 'error', code: 'REQUIRED_EXTRACTOR_FAILED', message: error.message });
      return { status: 'failed', consensus: current, totalCost };
    }
    throw error;
  }
  if (signal.aborted) {
    // The server stopping the run (shutdown) says so; a client's cancel or disconnect is CANCELLED.
    const reason: unknown = options.signal.reason;
    if (reason instanceof RunStopped) {
      send({ stage: 'error', code: reason.code, message: reason.message });
      return { status: 'cancelled', consensus: current, totalCost };
    }
    send({ stage: 'error', code: 'CANCELLED', message: 'The run was cancelled; what finished before is above.' });
    return { status: 'cancelled', consensus: current, totalCost };
  }
  send({ stage: 'complete', tokens: tokensOf(current), confidence: round(current.confidence, 4), duration_ms: round(now() - started, 1) });
  return { status: 'complete', consensus: current, totalCost };
}

function planFor(e: Extractor, useAi: boolean, clientExtractors: ReadonlySet<string>, estimate: number, maxCost: number): PlanEntry {
  const base = { extractor: e.id, tier: e.tier, kind: e.kind, ...(e.model ? { model: e.model } : {}), estimated_cost: round(estimate) };
  const skip = (code: StatusCode, reason: string): PlanEntry => ({ ...base, will_run: false, code, reason });
  if (e.unavailable) return skip(e.unavailable.code, e.unavailable.reason);
  if (!useAi && e.kind !== 'cv') return skip('NO_AI', 'The request asked for computer vision only (use_ai: false).');
  if (e.tier === 1 && clientExtractors.has(e.id)) return skip('CLIENT_VOTES', 'The client already ran it and sent its votes.');
  if (estimate > maxCost) return skip('OVER_BUDGET', `Would cost up to $${estimate.toFixed(4)}, over this request's $${maxCost.toFixed(2)} budget.`);
  return { ...base, will_run: true };
}

function skippedEvent(e: Extractor, entry: PlanEntry): RunEventBody {
  return {
    stage: 'extractor_done',
    extractor: e.id,
    tier: e.tier,
    status: 'skipped',
    ...(entry.code ? { code: entry.code } : {}),
    ...(entry.reason ? { reason: entry.reason } : {}),
    duration_ms: 0,
    cost: 0,
    cached: false,
    votes: [],
  };
}

/** The consensus as the stream's `tokens`: by key (role, or `color-N`). */
export function tokensOf(c: Consensus): Record<string, Token> {
  const tokens: Record<string, Token> = {};
  for (const { key, ...token } of c.colors) tokens[key] = { ...token, evidence: [...token.evidence], candidates: token.candidates.map((k) => ({ ...k, votes: [...k.votes] })) };
  return tokens;
}

/** Settles with the extractor's promise, or rejects as soon as the signal aborts (an extractor that ignores its signal cannot hold a run). */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new ExtractorFailure('CANCELLED', 'Aborted before it started.'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new ExtractorFailure('CANCELLED', 'Aborted.'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function combinedSha256(images: readonly RunImage[]): Promise<string> {
  return sha256Hex(new TextEncoder().encode(images.map((i) => i.sha256).join(',')));
}

const round = (value: number, digits = 6): number => Number(value.toFixed(digits));
