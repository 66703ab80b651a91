import { figmaRgbToHex } from './figma-rgb-to-hex.ts';

/**
 * What a style shows now, for the designer: the first visible SOLID paint as `#rrggbb`, or
 * `#rrggbbaa` when its opacity is below 1; "" when the style has no visible solid paint
 * (a gradient or image style, or no paint at all).
 */
export function currentHex(paints: ReadonlyArray<Paint>): string {
  for (const paint of paints) {
    if (paint.type !== 'SOLID' || paint.visible === false) continue;
    const hex = figmaRgbToHex(paint.color);
    const opacity = paint.opacity ?? 1;
    if (opacity >= 1) return hex;
    return hex + Math.round(Math.max(0, opacity) * 255).toString(16).padStart(2, '0');
  }
  return '';
}
