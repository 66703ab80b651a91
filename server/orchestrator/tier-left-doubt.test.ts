import { describe, expect, it } from 'vitest';
import type { ColorVote } from '../../core/vote/color-vote.ts';
import { attemptTimeoutMs } from '../extractors/provider-transport.ts';
import { tierLeftDoubt } from './tier-left-doubt.ts';

const model = (extractor: string, hex: string, role?: ColorVote['role']): ColorVote => ({ extractor, weight: 1, hex, measured: false, ...(role ? { role } : {}) });
const settled = { colors: [{ key: 'background', conflict: false }, { key: 'primary', conflict: false }] };

describe('tierLeftDoubt', () => {
  it('sees no doubt when the models agree on every role and the vote has no conflict', () => {
    const verdict = tierLeftDoubt(settled, [model('openai', '#282a36', 'background'), model('anthropic', '#282a37', 'background'), model('anthropic', '#bd93f9', 'primary')]);
    expect(verdict.doubt).toBe(false);
    expect(verdict.why).toMatch(/2 model\(s\) answered/);
  });

  it('doubts when no model answered', () => {
    expect(tierLeftDoubt(settled, [])).toMatchObject({ doubt: true, why: 'no model of the tier answered' });
  });

  it('doubts when the vote still flags a conflict', () => {
    expect(tierLeftDoubt({ colors: [{ key: 'border', conflict: true }] }, [model('openai', '#d0d7de', 'border')])).toMatchObject({ doubt: true, why: expect.stringMatching(/border/) });
  });

  it('doubts when two models give one role to perceptibly different colours, not when one model repeats itself', () => {
    expect(tierLeftDoubt(settled, [model('openai', '#bd93f9', 'primary'), model('anthropic', '#50fa7b', 'primary')])).toMatchObject({ doubt: true, why: expect.stringMatching(/primary/) });
    expect(tierLeftDoubt(settled, [model('openai', '#bd93f9', 'primary'), model('openai', '#50fa7b', 'primary')]).doubt).toBe(false);
  });
});

describe('attemptTimeoutMs', () => {
  it('shares the timeout, less the backoff, among the attempts, so a retry still fits', () => {
    expect(attemptTimeoutMs(45_000, 2)).toBe(14_333);
    expect(3 * attemptTimeoutMs(45_000, 2) + 2_000).toBeLessThanOrEqual(45_000);
    expect(attemptTimeoutMs(90_000, 1)).toBe(44_000);
  });

  it('never gives an attempt less than a second', () => {
    expect(attemptTimeoutMs(1_500, 2)).toBe(1_000);
  });
});
