import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../core/cv/extracted-color.ts';
import { MAX_REQUEST_VOTES, tier1Votes } from './tier1-votes.ts';

const colors = (n: number) => Array.from({ length: n }, (_, i) => ({ hex: `#0000${(i % 256).toString(16).padStart(2, '0')}`, share: 1 / (i + 2) }));

describe('tier1Votes', () => {
  it('votes every colour, measured, at the extractor’s tier-1 weight, and leaves out unknown extractors', () => {
    const extractions: Extraction[] = [
      { extractor: 'oklab-clusters', colors: [{ hex: '#ffffff', share: 0.9, role: 'background' }] },
      { extractor: 'someone-else', colors: [{ hex: '#000000', share: 0.1 }] },
    ];
    expect(tier1Votes(extractions)).toEqual([{ extractor: 'oklab-clusters', weight: 0.8, hex: '#ffffff', measured: true, share: 0.9, role: 'background' }]);
  });

  it('keeps each extractor’s most prominent colours when there are more than a request carries', () => {
    const votes = tier1Votes([
      { extractor: 'flat-regions', colors: colors(900) },
      { extractor: 'oklab-clusters', colors: colors(900) },
    ]);
    expect(votes).toHaveLength(MAX_REQUEST_VOTES);
    expect(votes.filter((v) => v.extractor === 'flat-regions')).toHaveLength(MAX_REQUEST_VOTES / 2);
    expect(votes[0]?.share).toBe(1 / 2);
  });
});
