import { fromDocumentRgb } from './document-color-profile.ts';

/**
 * Figma's RGB (each channel 0–1, in the document's colour profile) → lower-case sRGB `#rrggbb`
 * (a P3 colour outside sRGB is clamped and reported, see fromDocumentRgb), each channel rounded to the nearest 8-bit
 * value. Figma stores paint channels as 32-bit floats, so 51/255 reads back as 0.2000000029…;
 * rounding in 8-bit units is what makes a written colour compare equal when read back.
 * Out-of-range channels are clamped.
 */
export function figmaRgbToHex(documentRgb: RGB): string {
  const rgb = fromDocumentRgb(documentRgb);
  return `#${byteHex(rgb.r)}${byteHex(rgb.g)}${byteHex(rgb.b)}`;
}

function byteHex(channel: number): string {
  const byte = Math.round(Math.min(1, Math.max(0, channel)) * 255);
  return byte.toString(16).padStart(2, '0');
}
