import { describe, expect, it } from 'vitest';
import { planReuse, type DesignToken } from './plan-reuse.ts';

const tokens: DesignToken[] = [
  { id: 'v1', name: 'brand/primary', hex: '#0969da', kind: 'variable' },
  { id: 'v2', name: 'bg/surface', hex: '#f6f8fa', kind: 'variable' },
  { id: 'v3', name: 'gray/50', hex: '#f5f7f9', kind: 'variable' },
  { id: 's1', name: 'Text/Default', hex: '#1f2328', kind: 'style' },
];

describe('planReuse', () => {
  it('reuses an exact or near token, preferring one whose name states the role; creates only what is new', () => {
    const plan = planReuse(
      [
        { key: 'primary', role: 'primary', hex: '#0a6adb' },
        { key: 'surface', role: 'surface', hex: '#f5f7f9' },
        { key: 'text', role: 'text', hex: '#1f2328' },
        { key: 'error', role: 'error', hex: '#cf222e' },
      ],
      tokens,
    );
    expect(plan.map((l) => [l.key, l.action, l.token?.name])).toEqual([
      ['primary', 'reuse', 'brand/primary'],
      // gray/50 is the exact value, but bg/surface names the role and is within a JND.
      ['surface', 'reuse', 'bg/surface'],
      ['text', 'reuse', 'Text/Default'],
      ['error', 'new', undefined],
    ]);
    expect(plan[0]!.deltaE).toBeLessThan(1);
    expect(plan[1]!.alternatives.map((a) => a.token.name)).toEqual(['gray/50']);
  });

  it('keeps or updates what Chorus wrote before, and a locked colour reuses only its exact value', () => {
    const plan = planReuse(
      [
        { key: 'primary', role: 'primary', hex: '#0c6cdd', locked: true },
        { key: 'text', role: 'text', hex: '#1f2328' },
        { key: 'background', role: 'background', hex: '#ffffff' },
      ],
      tokens,
      new Map([
        ['text', '#1f2328'],
        ['background', '#fefefe'],
      ]),
    );
    expect(plan.map((l) => l.action)).toEqual(['new', 'keep', 'update']);
  });
});

describe('planReuse, unlocked', () => {
  it('reuses a token a just-noticeable difference away when the colour is not locked', () => {
    expect(planReuse([{ key: 'primary', role: 'primary', hex: '#0c6cdd' }], tokens)[0]!.action).toBe('reuse');
  });
});
