import type { RunEvent, Token } from '../../../core/protocol/run-event.ts';

/** Server events for tests, with the envelope filled in; `seq` counts up per builder. */
export function runEvents(runId = 'run-1') {
  let seq = 0;
  const envelope = (totalCost = 0) => ({ v: 1 as const, run_id: runId, seq: seq++, total_cost: totalCost });
  return {
    accepted: (): RunEvent => ({
      ...envelope(),
      stage: 'accepted',
      max_cost: 0.1,
      images: 1,
      plan: [
        { extractor: 'flat-regions', tier: 1, kind: 'cv', estimated_cost: 0, will_run: false, code: 'CLIENT_VOTES', reason: 'The client already ran it.' },
        { extractor: 'local-vision', tier: 2, kind: 'local-model', model: 'qwen2.5vl:7b', estimated_cost: 0, will_run: true },
        { extractor: 'openai', tier: 3, kind: 'hosted-model', model: 'gpt-4.1-mini', estimated_cost: 0.0035, will_run: true },
        {
          extractor: 'anthropic',
          tier: 3,
          kind: 'hosted-model',
          estimated_cost: 0,
          will_run: false,
          code: 'MISSING_KEY',
          reason: 'Set ANTHROPIC_API_KEY in the server environment.',
        },
      ],
    }),
    tierStarted: (tier: 2 | 3, extractors: string[]): RunEvent => ({ ...envelope(), stage: 'tier_started', tier, extractors }),
    extractorDone: (extractor: string, tier: 2 | 3, cost = 0): RunEvent => ({
      ...envelope(cost),
      stage: 'extractor_done',
      extractor,
      tier,
      status: 'done',
      duration_ms: 120,
      cost,
      cached: false,
      votes: [],
    }),
    tierComplete: (tier: 2 | 3, tokens: Record<string, Token>, totalCost = 0): RunEvent => ({
      ...envelope(totalCost),
      stage: tier === 2 ? 'tier_2_complete' : 'tier_3_complete',
      tier,
      tokens,
      confidence: 0.9,
    }),
    complete: (tokens: Record<string, Token>, totalCost = 0): RunEvent => ({ ...envelope(totalCost), stage: 'complete', tokens, confidence: 0.9, duration_ms: 900 }),
    error: (code: string, message: string): RunEvent => ({ ...envelope(), stage: 'error', code, message }),
  };
}

/** A token everyone agrees on. */
export function agreedToken(hex: string, extra: Partial<Token> = {}): Token {
  return {
    hex,
    agreement: 1,
    confidence: 0.95,
    conflict: false,
    candidates: [{ hex, weight: 1.8, measured: true, votes: [{ extractor: 'flat-regions', weight: 1, hex }, { extractor: 'oklab-clusters', weight: 0.8, hex }] }],
    ...extra,
  };
}
