import { describe, expect, it } from 'vitest';
import { pinLocked } from './pin-locked.ts';

describe('pinLocked', () => {
  it('keeps a locked role at its locked value when a later tier moves it, and leaves the rest', () => {
    const later = [
      { hex: '#0a6adb', role: 'primary' as const, share: 0.02, votes: [] },
      { hex: '#ffffff', role: 'background' as const, share: 0.8, votes: [] },
    ];
    expect(pinLocked(later, new Map([['primary', '#0969da']])).map((c) => c.hex)).toEqual(['#0969da', '#ffffff']);
  });
});
