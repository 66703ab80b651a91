import { describe, expect, it } from 'vitest';
import { toExtractResult } from '../../server/cli/to-extract-result.ts';
import { MID_RUN, progressOf, stamp, token } from './run-events.ts';

describe('toExtractResult', () => {
  const events = stamp([
    ...MID_RUN,
    { stage: 'extractor_done', extractor: 'anthropic', tier: 3, status: 'failed', code: 'INVALID_OUTPUT', reason: 'Not JSON.', duration_ms: 900, cost: 0.0002, cached: false, votes: [], total_cost: 0.00076 },
    { stage: 'tier_3_complete', tier: 3, tokens: {}, confidence: 0.93, total_cost: 0.00076 },
    { stage: 'extractor_done', extractor: 'anthropic-deep', tier: 4, status: 'skipped', code: 'NO_DOUBT', reason: 'Tier 3 left no doubt.', duration_ms: 0, cost: 0, cached: false, votes: [], total_cost: 0.00076 },
    { stage: 'tier_started', tier: 4, extractors: [], total_cost: 0.00076 },
    { stage: 'tier_4_complete', tier: 4, tokens: {}, confidence: 0.93, total_cost: 0.00076 },
    {
      stage: 'complete',
      // Out of order on purpose, one named only by a model (no share), one at a share's 7th decimal.
      tokens: {
        'color-1': token('#bd93f9', { share: 0.0123456789, confidence: 0.8123456 }),
        accent: token('#ff79c6', { role: 'accent', name: 'hot-pink', confidence: 0.72 }),
        background: token('#282a36', { role: 'background', name: 'night', share: 0.8 }),
      },
      confidence: 0.93,
      duration_ms: 4000,
      total_cost: 0.00076,
    },
  ]);
  const result = toExtractResult('shot.png', { width: 1440, height: 900 }, { decode: 9.123, extract: 4012.3456 }, progressOf(events));

  it('keeps the foundation fields: colours of the final consensus, most prominent first, share 0 where nothing measured one', () => {
    expect(result).toMatchObject({ file: 'shot.png', width: 1440, height: 900, timings_ms: { decode: 9.12, extract: 4012.35 } });
    expect(result.colors).toEqual([
      { hex: '#282a36', role: 'background', name: 'night', share: 0.8, confidence: 0.95 },
      { hex: '#bd93f9', share: 0.012346, confidence: 0.8123 },
      { hex: '#ff79c6', role: 'accent', name: 'hot-pink', share: 0, confidence: 0.72 },
    ]);
  });

  it('adds each tier with its consensus, the run cost so far, and what each extractor did', () => {
    expect(result.tiers.map((t) => [t.tier, t.confidence, t.total_cost])).toEqual([
      [1, 0.95, 0],
      [2, 0.91, 0],
      [3, 0.93, 0.00076],
      [4, 0.93, 0.00076],
    ]);
    expect(Object.keys(result.tiers[1]!.tokens)).toEqual(['background', 'text', 'color-1']);
    expect(result.tiers[1]!.extractors).toEqual([
      { id: 'flat-regions-full', status: 'done', cost: 0, cached: true },
      { id: 'local-vision', status: 'skipped', code: 'NOT_CONFIGURED', reason: 'Set CHORUS_LOCAL_BASE_URL to use a local model.', cost: 0, cached: false },
    ]);
    expect(result.tiers[2]!.extractors).toEqual([
      { id: 'openai', status: 'done', cost: 0.00056, cached: false },
      { id: 'anthropic', status: 'failed', code: 'INVALID_OUTPUT', reason: 'Not JSON.', cost: 0.0002, cached: false },
    ]);
    expect(result.tiers[3]!.extractors).toEqual([{ id: 'anthropic-deep', status: 'skipped', code: 'NO_DOUBT', reason: 'Tier 3 left no doubt.', cost: 0, cached: false }]);
    expect(result.total_cost).toBe(0.00076);
  });
});
