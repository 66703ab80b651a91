import type { Role } from '../palette/role.ts';

/**
 * The role a designer's name for a colour states, if it states one: `brand/primary`, `bg/surface`,
 * `Text/Secondary`, `color.border.default`. Words are matched whole, so `textile` is no `text`.
 * Checked most specific first: `text/on-primary` is on-primary, `text/muted` is text-muted.
 */
const HINTS: readonly (readonly [Role, RegExp])[] = [
  ['on-primary', /\bon[-_ ]?(primary|brand|accent)\b/],
  ['text-muted', /\b(text|fg|foreground|content)\b.*\b(muted|secondary|subtle|tertiary|disabled|placeholder)\b|\b(muted|subtle)[-_ ]?(text|fg)\b/],
  ['border', /\b(border|stroke|outline|divider|separator)\b/],
  ['text', /\b(text|fg|foreground|ink|content)\b/],
  ['surface', /\b(surface|card|panel|container|elevated|raised)\b/],
  ['background', /\b(background|bg|canvas|page|base)\b/],
  ['error', /\b(error|danger|destructive|critical|negative)\b/],
  ['warning', /\b(warning|caution|attention)\b/],
  ['success', /\b(success|positive|valid)\b/],
  ['info', /\b(info|informative|notice)\b/],
  ['secondary', /\bsecondary\b/],
  ['accent', /\b(accent|highlight|tertiary)\b/],
  ['primary', /\b(primary|brand|main|cta)\b/],
];

export function roleHint(name: string): Role | undefined {
  const words = name.toLowerCase().replace(/[/.]+/g, ' ');
  return HINTS.find(([, pattern]) => pattern.test(words))?.[0];
}
