import { figmaRgbToHex } from './figma-rgb-to-hex.ts';

/**
 * The `#rrggbb` of paints Chorus could have written: exactly one visible, fully opaque, NORMAL
 * SOLID paint. A paint bound to a variable shows that variable's colour: `boundHex` gives it for
 * the variable Chorus bound (and undefined for any other). Anything else (a second paint, a
 * gradient, an opacity, another binding) is a change made by hand, and gives undefined.
 */
export function chorusWrittenHex(paints: ReadonlyArray<Paint>, boundHex: (variableId: string) => string | undefined = () => undefined): string | undefined {
  if (paints.length !== 1) return undefined;
  const paint = paints[0]!;
  if (paint.type !== 'SOLID') return undefined;
  if (paint.visible === false || (paint.opacity ?? 1) !== 1 || (paint.blendMode ?? 'NORMAL') !== 'NORMAL') return undefined;
  const bound = paint.boundVariables?.color;
  if (bound !== undefined) return boundHex(bound.id);
  return figmaRgbToHex(paint.color);
}
