import { figmaRgbToHex } from './figma-rgb-to-hex.ts';

/**
 * The `#rrggbb` of a COLOR variable value Chorus could have written: an RGB or fully opaque RGBA
 * (0–1 channels). An alias, a translucent colour or anything else gives undefined: a change made
 * by hand.
 */
export function chorusValueHex(value: VariableValue | undefined): string | undefined {
  if (!isRgb(value)) return undefined;
  if ('a' in value && value.a !== 1) return undefined;
  return figmaRgbToHex(value);
}

/**
 * What a COLOR variable value shows, for the designer: `#rrggbb`, `#rrggbbaa` when translucent,
 * "" for an alias (it shows another variable's value).
 */
export function displayValueHex(value: VariableValue | undefined): string {
  if (!isRgb(value)) return '';
  const hex = figmaRgbToHex(value);
  const alpha = 'a' in value ? value.a : 1;
  return alpha >= 1 ? hex : hex + Math.round(Math.max(0, alpha) * 255).toString(16).padStart(2, '0');
}

function isRgb(value: VariableValue | undefined): value is RGB | RGBA {
  return (
    typeof value === 'object' &&
    value !== null &&
    !('type' in value) &&
    typeof (value as Partial<RGB>).r === 'number' &&
    typeof (value as Partial<RGB>).g === 'number' &&
    typeof (value as Partial<RGB>).b === 'number'
  );
}
