import { describe, expect, it } from 'vitest';
import type { WriteSummary } from '../core/messages/plugin-messages.ts';
import { writeNotification } from './write-notification.ts';

const names = (n: number) => Array.from({ length: n }, (_, i) => `Chorus/color-${i + 1}`);
const edited = (n: number) => Array.from({ length: n }, () => ({ styleId: 'S:1,', name: 'x', currentHex: '#000000', proposedHex: '#ffffff' }));
const summary = (parts: Partial<WriteSummary>): WriteSummary => ({
  created: [],
  updated: [],
  unchanged: [],
  keptDecisions: [],
  flagged: [],
  editedByHand: [],
  ...parts,
});

describe('writeNotification', () => {
  it('says what happened in one sentence', () => {
    expect(writeNotification(summary({ created: names(3), updated: names(2), editedByHand: edited(1) }))).toBe(
      'Chorus: 3 styles created, 2 updated, 1 edited by hand kept',
    );
    expect(writeNotification(summary({ updated: names(1), unchanged: names(4) }))).toBe('Chorus: 1 style updated, 4 unchanged');
  });

  it('counts kept decisions and the colours left to review', () => {
    expect(writeNotification(summary({ created: names(4), keptDecisions: names(1), flagged: names(2) }))).toBe(
      'Chorus: 4 styles created, 1 kept as decided, 2 to review',
    );
  });

  it('stays within Figma’s 100 characters at the largest palette', () => {
    const text = writeNotification(
      summary({ created: names(64), updated: names(64), unchanged: names(64), keptDecisions: names(64), flagged: names(64), editedByHand: edited(64) }),
    );
    expect(text.length).toBeLessThanOrEqual(100);
    expect(text).toContain('64 to review');
  });
});
