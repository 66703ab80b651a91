import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../core/protocol/run-event.ts';
import { validColorAnswer } from '../fakes/providers/valid-color-answer.ts';
import { configWithTimeouts, createTestRunService, extractRequest, fixtureBase64, startFakeProviders, type FakeProviders } from './test-backend.ts';

describe('weights sent with a request (learned from review decisions)', () => {
  let fakes: FakeProviders;
  beforeAll(async () => {
    fakes = await startFakeProviders();
  });
  afterAll(() => fakes.close());

  async function backgroundAfter(weights: Record<string, number>) {
    // The local model reads a white page where CV measured Dracula's dark one.
    fakes.local.script({ reply: validColorAnswer() });
    const all = configWithTimeouts(3_000);
    const { runs } = await createTestRunService({ env: fakes.env, config: { ...all, extractors: all.extractors.filter((e) => e.tier <= 2) } });
    const request = extractRequest({ images: [fixtureBase64()], weights });
    const events: RunEvent[] = [];
    await runs.run(await runs.prepare(request, 'test'), request, (e) => events.push(e), new AbortController().signal);
    const complete = events.at(-1)!;
    if (complete.stage !== 'complete') throw new Error(`run ended with ${complete.stage}`);
    return complete.tokens.background!;
  }

  it('multiply an extractor’s votes: a trusted model can turn a settled colour into a conflict', async () => {
    // CV's extractors are one witness (weight 1); the local model at a quarter of its 0.7 is outweighed.
    const distrusted = await backgroundAfter({ 'local-vision': 0.25 });
    expect(distrusted).toMatchObject({ hex: '#282a36', conflict: false });
    const trusted = await backgroundAfter({ 'local-vision': 4 });
    // One model alone, however trusted, does not overturn CV: the role is a conflict for the designer.
    expect(trusted).toMatchObject({ hex: '#282a36', conflict: true });
    expect(trusted.candidates.map((c) => Number(c.weight.toFixed(6)))).toEqual([1, 2.8]);
  });

  it('are refused outside 0.25–4', () => {
    expect(() => extractRequest({ images: [fixtureBase64()], weights: { openai: 100 } })).toThrow();
  });
});
