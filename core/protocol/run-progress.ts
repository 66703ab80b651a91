import type { ExtractorStatus, PlanEntry, RunEvent, StatusCode, Tier, Token } from './run-event.ts';

/** One extractor as a client shows it while a run streams. */
export interface ExtractorProgress {
  readonly id: string;
  readonly tier: Tier;
  readonly kind: PlanEntry['kind'];
  readonly model?: string;
  /** `pending` until its tier starts; `running` while it works; then how it ended. */
  readonly state: 'pending' | 'running' | ExtractorStatus;
  readonly code?: StatusCode;
  readonly reason?: string;
  readonly cost: number;
  readonly cached: boolean;
  readonly durationMs?: number;
}

/** Everything a client needs to draw a run: folded from its events by `applyRunEvent`. */
export interface RunProgress {
  readonly runId: string;
  readonly extractors: readonly ExtractorProgress[];
  /** The tiers whose consensus has landed, in order, each with its tokens and confidence. */
  readonly tiers: readonly { readonly tier: Tier; readonly tokens: Readonly<Record<string, Token>>; readonly confidence: number; readonly totalCost: number }[];
  /** The latest consensus (the last tier's, or the final one). */
  readonly tokens: Readonly<Record<string, Token>>;
  readonly confidence: number;
  readonly totalCost: number;
  readonly maxCost: number;
  readonly budgetWarning?: string;
  readonly status: 'running' | 'complete' | 'failed' | 'cancelled';
  readonly error?: { readonly code: string; readonly message: string };
}

export const EMPTY_PROGRESS: RunProgress = {
  runId: '',
  extractors: [],
  tiers: [],
  tokens: {},
  confidence: 0,
  totalCost: 0,
  maxCost: 0,
  status: 'running',
};

/** Folds one server event into a run's progress. Pure: the UI, the CLI and tests share it. */
export function applyRunEvent(progress: RunProgress, event: RunEvent): RunProgress {
  const base = { ...progress, runId: event.run_id || progress.runId, totalCost: event.total_cost };
  switch (event.stage) {
    case 'accepted':
      return {
        ...base,
        maxCost: event.max_cost,
        extractors: event.plan.map((p) => ({
          id: p.extractor,
          tier: p.tier,
          kind: p.kind,
          ...(p.model ? { model: p.model } : {}),
          state: p.will_run ? 'pending' : 'skipped',
          ...(p.code ? { code: p.code } : {}),
          ...(p.reason ? { reason: p.reason } : {}),
          cost: 0,
          cached: false,
        })),
      };
    case 'tier_started':
      return { ...base, extractors: base.extractors.map((e) => (event.extractors.includes(e.id) ? { ...e, state: 'running' } : e)) };
    case 'extractor_done':
      return {
        ...base,
        extractors: base.extractors.map((e) =>
          e.id === event.extractor
            ? {
                ...e,
                state: event.status,
                ...(event.code ? { code: event.code } : {}),
                ...(event.reason ? { reason: event.reason } : {}),
                cost: event.cost,
                cached: event.cached,
                durationMs: event.duration_ms,
              }
            : e,
        ),
      };
    case 'tier_1_complete':
    case 'tier_2_complete':
    case 'tier_3_complete':
    case 'tier_4_complete':
      return {
        ...base,
        tiers: [...base.tiers, { tier: event.tier, tokens: event.tokens, confidence: event.confidence, totalCost: event.total_cost }],
        tokens: event.tokens,
        confidence: event.confidence,
      };
    case 'budget_warning':
      return { ...base, budgetWarning: event.message };
    case 'complete':
      return { ...base, tokens: event.tokens, confidence: event.confidence, status: 'complete' };
    case 'error':
      return { ...base, status: event.code === 'CANCELLED' ? 'cancelled' : 'failed', error: { code: event.code, message: event.message } };
  }
}
