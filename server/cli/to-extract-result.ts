import type { Role } from '../../core/palette/role.ts';
import type { StatusCode, Tier, Token } from '../../core/protocol/run-event.ts';
import type { ExtractorProgress, RunProgress } from '../../core/protocol/run-progress.ts';

/**
 * One image's entry in `--json` output. A stable contract: `file`, `width`, `height`, `colors` and
 * `timings_ms` are the foundation's and keep their meaning; later tiers add fields, never change these.
 */
export interface ExtractResult {
  file: string;
  width: number;
  height: number;
  /** The final consensus, most prominent first. `share` is 0 for a colour only models named (nothing measured its area). */
  colors: { hex: string; role?: Role; name?: string; share: number; confidence?: number }[];
  /** `decode`: reading the pixels; `extract`: from the run's start to its final consensus. Milliseconds. */
  timings_ms: { decode: number; extract: number };
  /** Each tier that ran, in order, with its consensus (the protocol's tokens) and what each of its extractors did. */
  tiers: TierResult[];
  /** USD the run spent (cached and free extractors cost 0). */
  total_cost: number;
}

export interface TierResult {
  tier: Tier;
  confidence: number;
  /** USD the run had spent when this tier's consensus landed (cumulative, as the stream's `total_cost`). */
  total_cost: number;
  /** The consensus over every vote so far, by key (a role, or `color-N`), as `tier_N_complete` carries it. */
  tokens: Record<string, Token>;
  extractors: { id: string; status: ExtractorProgress['state']; code?: StatusCode; reason?: string; cost: number; cached: boolean }[];
}

/** A completed run's progress as the `--json` entry for `file`. */
export function toExtractResult(file: string, size: { width: number; height: number }, timings: { decode: number; extract: number }, progress: RunProgress): ExtractResult {
  const colors = Object.values(progress.tokens)
    .map((t) => ({
      hex: t.hex,
      ...(t.role ? { role: t.role } : {}),
      ...(t.name ? { name: t.name } : {}),
      share: round(t.share ?? 0, 6),
      confidence: round(t.confidence, 4),
    }))
    // Stable: equal shares keep the consensus's own order (role rank, then hex).
    .sort((a, b) => b.share - a.share);
  return {
    file,
    width: size.width,
    height: size.height,
    colors,
    timings_ms: { decode: round(timings.decode, 2), extract: round(timings.extract, 2) },
    tiers: progress.tiers.map((t) => ({
      tier: t.tier,
      confidence: t.confidence,
      total_cost: t.totalCost,
      tokens: { ...t.tokens },
      extractors: progress.extractors
        .filter((e) => e.tier === t.tier)
        .map((e) => ({ id: e.id, status: e.state, ...(e.code ? { code: e.code } : {}), ...(e.reason ? { reason: e.reason } : {}), cost: e.cost, cached: e.cached })),
    })),
    total_cost: progress.totalCost,
  };
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));
