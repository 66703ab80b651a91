import { figmaRgbToHex } from './figma-rgb-to-hex.ts';

/**
 * What a style shows now, for the designer: the first visible SOLID paint as `#rrggbb`, or
 * `#rrggbbaa` when its opacity is below 1; "" when the style has no visible solid paint
 * (a gradient or image style, or no paint at all). A paint bound to a variable shows the
 * variable's colour, as `boundHex` gives it (the paint's own colour when it does not know it).
 */
export function currentHex(paints: ReadonlyArray<Paint>, boundHex: (variableId: string) => string | undefined = () => undefined): string {
  for (const paint of paints) {
    if (paint.type !== 'SOLID' || paint.visible === false) continue;
    const bound = paint.boundVariables?.color;
    const shown = bound !== undefined ? boundHex(bound.id) : undefined;
    const hex = shown !== undefined && shown !== '' ? shown.slice(0, 7) : figmaRgbToHex(paint.color);
    const opacity = paint.opacity ?? 1;
    if (opacity >= 1) return shown !== undefined && shown !== '' ? shown : hex;
    return hex + Math.round(Math.max(0, opacity) * 255).toString(16).padStart(2, '0');
  }
  return '';
}
