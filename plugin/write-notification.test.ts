import { describe, expect, it } from 'vitest';
import { writeNotification } from './write-notification.ts';

const names = (n: number) => Array.from({ length: n }, (_, i) => `Chorus/color-${i + 1}`);
const edited = (n: number) => Array.from({ length: n }, () => ({ styleId: 'S:1,', name: 'x', currentHex: '#000000', proposedHex: '#ffffff' }));

describe('writeNotification', () => {
  it('says what happened in one sentence', () => {
    expect(writeNotification({ created: names(3), updated: names(2), unchanged: [], editedByHand: edited(1) })).toBe(
      'Chorus: 3 styles created, 2 updated, 1 edited by hand kept',
    );
    expect(writeNotification({ created: [], updated: names(1), unchanged: names(4), editedByHand: [] })).toBe(
      'Chorus: 1 style updated, 4 unchanged',
    );
  });

  it('stays within Figma’s 100 characters at the largest palette', () => {
    const text = writeNotification({ created: names(64), updated: names(64), unchanged: names(64), editedByHand: edited(64) });
    expect(text.length).toBeLessThanOrEqual(100);
  });
});
