import { describe, expect, it } from 'vitest';
import { formatShare } from './format-share.ts';

describe('formatShare', () => {
  it('shows large shares whole, small ones to a tenth, and never a misleading 0.0%', () => {
    expect(formatShare(0.818169)).toBe('82%');
    expect(formatShare(0.01336)).toBe('1.3%');
    expect(formatShare(0.000586)).toBe('<0.1%');
    expect(formatShare(0)).toBe('0.0%');
    expect(formatShare(1)).toBe('100%');
  });
});
