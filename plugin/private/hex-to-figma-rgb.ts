import { toDocumentRgb } from './document-color-profile.ts';

/**
 * An sRGB `#rrggbb` → Figma's RGB in the document's colour profile (Display P3 in a P3 file), each
 * channel 0–1 (Figma's units, not 0–255). Throws on anything that is not six hex digits after a `#`.
 */
export function hexToFigmaRgb(hex: string): RGB {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`${JSON.stringify(hex)} is not a #rrggbb colour`);
  return toDocumentRgb({
    r: parseInt(match[1]!, 16) / 255,
    g: parseInt(match[2]!, 16) / 255,
    b: parseInt(match[3]!, 16) / 255,
  });
}
