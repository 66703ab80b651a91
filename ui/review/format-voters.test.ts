import { describe, expect, it } from 'vitest';
import { formatVoters } from './format-voters.ts';

describe('formatVoters', () => {
  it('lists the voters heaviest first, ties by id, with their weights', () => {
    expect(
      formatVoters([
        { extractor: 'local-vision', weight: 0.7 },
        { extractor: 'openai', weight: 1.2 },
        { extractor: 'anthropic', weight: 1.1 },
        { extractor: 'flat-regions', weight: 1.1 },
      ]),
    ).toBe('openai 1.2 · anthropic 1.1 · flat-regions 1.1 · local-vision 0.7');
  });

  it('keeps one decimal, and two only when they matter', () => {
    expect(formatVoters([{ extractor: 'flat-regions', weight: 1 }])).toBe('flat-regions 1.0');
    expect(formatVoters([{ extractor: 'openai', weight: 1.2 * (4 / 3) }])).toBe('openai 1.6');
    expect(formatVoters([{ extractor: 'anthropic', weight: 1.1 * (4 / 3) }])).toBe('anthropic 1.47');
    expect(formatVoters([{ extractor: 'openai', weight: 0.7 * (2 / 3) }])).toBe('openai 0.47');
  });

  it('is empty for no votes', () => {
    expect(formatVoters([])).toBe('');
  });
});
