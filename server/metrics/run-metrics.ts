import type { ExtractorStatus, RunEvent, Tier } from '../../core/protocol/run-event.ts';
import type { ColorVote } from '../../core/vote/color-vote.ts';
import { ciede2000, hexToLab } from '../../core/color/index.ts';

/** Outcomes kept per extractor: enough for stable percentiles, bounded whatever the traffic. */
const WINDOW = 1000;
/** A vote agrees with the final consensus when it is this close to the winning colour of its role (CIEDE2000). */
const AGREE_DE = 2.3;

export interface ExtractorOutcome {
  readonly status: ExtractorStatus;
  readonly durationMs: number;
  readonly cost: number;
  readonly cached: boolean;
}

export interface ExtractorStats {
  readonly id: string;
  readonly tier: Tier;
  readonly runs: number;
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number } | null;
  readonly failureRate: number;
  readonly timeoutRate: number;
  readonly skipRate: number;
  readonly cacheHitRate: number;
  readonly cost: number;
  /** Share of its role votes that matched the final consensus (null before any). */
  readonly agreementWithConsensus: number | null;
  /** Share of designers' review decisions where it had voted for the colour they chose (null before any). */
  readonly agreementWithDesigners: number | null;
}

/** One resolved conflict: the designer picked `chosenHex` among candidates proposed by extractors. */
export interface DesignerDecision {
  readonly role: string;
  readonly chosenHex: string;
  readonly candidates: readonly { readonly hex: string; readonly extractors: readonly string[] }[];
}

export interface RunMetrics {
  /** Feeds every event of a run, as the stream sends it. */
  observe(event: RunEvent): void;
  recordDecision(decision: DesignerDecision): void;
  snapshot(): { readonly extractors: readonly ExtractorStats[]; readonly runs: number; readonly decisions: number };
}

/**
 * What the dashboard shows, gathered from the run events themselves (no second bookkeeping path):
 * per extractor, latency, failures, skips, cache hits, spend, and how often it agreed with the
 * final consensus and with the designers' review decisions. Bounded windows, in memory.
 */
export function createRunMetrics(): RunMetrics {
  const outcomes = new Map<string, { tier: Tier; list: ExtractorOutcome[] }>();
  const agreement = new Map<string, { agreed: number; voted: number }>();
  const designer = new Map<string, { agreed: number; decided: number }>();
  const pending = new Map<string, ColorVote[]>();
  let runs = 0;
  let decisions = 0;

  const bump = <T extends object>(map: Map<string, T>, key: string, init: () => T, update: (value: T) => void) => {
    const value = map.get(key) ?? init();
    update(value);
    map.set(key, value);
  };

  return {
    observe(event) {
      if (event.stage === 'extractor_done') {
        bump(outcomes, event.extractor, () => ({ tier: event.tier, list: [] }), (o) => {
          o.list.push({ status: event.status, durationMs: event.duration_ms, cost: event.cost, cached: event.cached });
          if (o.list.length > WINDOW) o.list.shift();
        });
        if (event.votes.length > 0) pending.set(event.run_id, [...(pending.get(event.run_id) ?? []), ...event.votes]);
      } else if (event.stage === 'complete') {
        runs++;
        for (const vote of pending.get(event.run_id) ?? []) {
          if (!vote.role) continue;
          const winner = event.tokens[vote.role];
          if (!winner) continue;
          const agreed = ciede2000(hexToLab(vote.hex)!, hexToLab(winner.hex)!) < AGREE_DE;
          bump(agreement, vote.extractor, () => ({ agreed: 0, voted: 0 }), (a) => {
            a.voted++;
            if (agreed) a.agreed++;
          });
        }
        pending.delete(event.run_id);
      } else if (event.stage === 'error') pending.delete(event.run_id);
    },
    recordDecision(decision) {
      decisions++;
      const chosen = hexToLab(decision.chosenHex);
      if (!chosen) return;
      for (const candidate of decision.candidates) {
        const lab = hexToLab(candidate.hex);
        const agreed = lab !== null && ciede2000(lab, chosen) < AGREE_DE;
        for (const extractor of candidate.extractors) {
          bump(designer, extractor, () => ({ agreed: 0, decided: 0 }), (d) => {
            d.decided++;
            if (agreed) d.agreed++;
          });
        }
      }
    },
    snapshot() {
      const extractors = [...outcomes.entries()].map(([id, { tier, list }]): ExtractorStats => {
        const ran = list.filter((o) => o.status !== 'skipped' && !o.cached).map((o) => o.durationMs).sort((a, b) => a - b);
        const rate = (predicate: (o: ExtractorOutcome) => boolean) => (list.length === 0 ? 0 : list.filter(predicate).length / list.length);
        const a = agreement.get(id);
        const d = designer.get(id);
        return {
          id,
          tier,
          runs: list.length,
          latencyMs: ran.length === 0 ? null : { p50: percentile(ran, 0.5), p90: percentile(ran, 0.9), p99: percentile(ran, 0.99) },
          failureRate: rate((o) => o.status === 'failed'),
          timeoutRate: rate((o) => o.status === 'timeout'),
          skipRate: rate((o) => o.status === 'skipped'),
          cacheHitRate: rate((o) => o.cached),
          cost: list.reduce((sum, o) => sum + o.cost, 0),
          agreementWithConsensus: a && a.voted > 0 ? a.agreed / a.voted : null,
          agreementWithDesigners: d && d.decided > 0 ? d.agreed / d.decided : null,
        };
      });
      return { extractors: extractors.sort((x, y) => x.tier - y.tier || (x.id < y.id ? -1 : 1)), runs, decisions };
    },
  };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
