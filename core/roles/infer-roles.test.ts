import { describe, expect, it } from 'vitest';
import { inferRoles } from './infer-roles.ts';

const palette = (...pairs: [string, number][]) => pairs.map(([hex, share]) => ({ hex, share }));
const roleOf = (colors: { hex: string; role?: string }[], hex: string) => colors.find((c) => c.hex === hex)?.role;

describe('inferRoles', () => {
  it('names a light screen: largest is background, readable neutral is text, vivid is primary', () => {
    const out = inferRoles(palette(['#ffffff', 0.7], ['#f3f4f6', 0.2], ['#2563eb', 0.04], ['#111827', 0.02], ['#6b7280', 0.01], ['#e5e7eb', 0.005]));
    expect(out.map((c) => c.role)).toEqual(['background', 'surface', 'primary', 'text', 'text-muted', 'border']);
  });

  it('names a dark screen', () => {
    const out = inferRoles(palette(['#0d1117', 0.8], ['#161b22', 0.1], ['#2f81f7', 0.03], ['#e6edf3', 0.02], ['#7d8590', 0.01]));
    expect(roleOf(out, '#0d1117')).toBe('background');
    expect(roleOf(out, '#161b22')).toBe('surface');
    expect(roleOf(out, '#e6edf3')).toBe('text');
    expect(roleOf(out, '#7d8590')).toBe('text-muted');
    expect(roleOf(out, '#2f81f7')).toBe('primary');
  });

  it('takes the colour the frame shows at its edges as the background, not a larger card area', () => {
    const colors = palette(['#ffffff', 0.7], ['#f8fafc', 0.13], ['#0f172a', 0.02]);
    expect(roleOf(inferRoles(colors), '#ffffff')).toBe('background');
    const withEdges = inferRoles(colors, [0.29, 0.71, 0]);
    expect(roleOf(withEdges, '#f8fafc')).toBe('background');
    expect(roleOf(withEdges, '#ffffff')).toBe('surface');
  });

  it('ignores an edge colour that covers too little of the frame (a stroke around it)', () => {
    expect(roleOf(inferRoles(palette(['#ffffff', 0.9], ['#d0d7de', 0.01]), [0, 1]), '#ffffff')).toBe('background');
  });

  it('prefers the most contrasting of the inks used for text, not a vivid readable brand colour', () => {
    const out = inferRoles(palette(['#3b4252', 0.8], ['#88c0d0', 0.03], ['#eceff4', 0.006], ['#d8dee9', 0.004]));
    expect(roleOf(out, '#eceff4')).toBe('text');
    expect(roleOf(out, '#88c0d0')).toBe('primary');
  });

  it('names status colours by hue, never the primary', () => {
    const out = inferRoles(palette(['#ffffff', 0.8], ['#111827', 0.05], ['#dc2626', 0.03], ['#16a34a', 0.01], ['#f59e0b', 0.01], ['#ef4444', 0.005]));
    expect(roleOf(out, '#dc2626')).toBe('primary');
    expect(roleOf(out, '#16a34a')).toBe('success');
    expect(roleOf(out, '#f59e0b')).toBe('warning');
    expect(roleOf(out, '#ef4444')).not.toBe('primary');
  });

  it('keeps order and leaves colours it cannot place without a role', () => {
    const out = inferRoles(palette(['#ffffff', 0.9], ['#fefefe', 0.001]));
    expect(out.map((c) => c.hex)).toEqual(['#ffffff', '#fefefe']);
    expect(out[0]!.role).toBe('background');
  });

  it('returns an empty list for an empty palette', () => {
    expect(inferRoles([])).toEqual([]);
  });
});
