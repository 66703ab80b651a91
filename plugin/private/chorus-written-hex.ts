import { figmaRgbToHex } from './figma-rgb-to-hex.ts';

/**
 * The `#rrggbb` of paints Chorus could have written: exactly one visible, fully opaque, NORMAL
 * SOLID paint with no variable bound to its colour. Anything else (a second paint, a gradient,
 * an opacity, a bound variable) is a change made by hand, and gives undefined.
 */
export function chorusWrittenHex(paints: ReadonlyArray<Paint>): string | undefined {
  if (paints.length !== 1) return undefined;
  const paint = paints[0]!;
  if (paint.type !== 'SOLID') return undefined;
  if (paint.visible === false || (paint.opacity ?? 1) !== 1 || (paint.blendMode ?? 'NORMAL') !== 'NORMAL') return undefined;
  if (paint.boundVariables?.color !== undefined) return undefined;
  return figmaRgbToHex(paint.color);
}
