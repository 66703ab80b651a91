import { displayP3ToSrgb } from '../../core/color/display-p3-to-srgb.ts';
import { isInUnitGamut } from '../../core/color/is-in-unit-gamut.ts';
import { srgbToDisplayP3 } from '../../core/color/srgb-to-display-p3.ts';

/**
 * The colour profile of the file being read and written. Chorus's colours are sRGB everywhere
 * (what it measures, the hex it stores in plugin data, its tokens); the file's paints and variable
 * values are in the document's profile (Figma update 141, 2026-10-15: RGB fields are "the
 * projection for the current document color profile"). The conversion happens here, at the edge,
 * in hexToFigmaRgb and figmaRgbToHex, so no other code needs to know.
 *
 * Set once per request (handle-ui-message.ts), since the designer can change a file's profile
 * between two; requests are answered one at a time, so there is never more than one in use.
 */
export type DocumentColorProfile = 'LEGACY' | 'SRGB' | 'DISPLAY_P3';

let profile: DocumentColorProfile = 'SRGB';
let outsideSrgb = new Set<string>();

/** Starts a request in `figma`'s document: its profile applies, and nothing was read outside sRGB yet. */
export function useDocumentColorProfile(figma: PluginAPI): void {
  // A file from before colour management ('LEGACY') is unmanaged: its numbers are shown as sRGB.
  profile = figma.root.documentColorProfile === 'DISPLAY_P3' ? 'DISPLAY_P3' : 'SRGB';
  outsideSrgb = new Set();
}

/** An sRGB colour (0–1 channels) as the document's RGB. */
export function toDocumentRgb(srgb: RGB): RGB {
  if (profile !== 'DISPLAY_P3') return srgb;
  return clampUnit(srgbToDisplayP3(srgb));
}

/**
 * A document RGB (0–1) as sRGB, clamped into 0–1. A Display P3 colour outside sRGB cannot be a
 * `#rrggbb`: it is clamped to the nearest sRGB channels and remembered (as its P3 hex), so the
 * request can say so instead of clipping silently (outsideSrgbColors).
 */
export function fromDocumentRgb(rgb: RGB): RGB {
  if (profile !== 'DISPLAY_P3') return rgb;
  const srgb = displayP3ToSrgb(rgb);
  if (!isInUnitGamut(srgb)) outsideSrgb.add(unitHex(rgb));
  return clampUnit(srgb);
}

/** The P3 colours (as P3 `#rrggbb`) read in this request that sRGB cannot show. */
export function outsideSrgbColors(): readonly string[] {
  return [...outsideSrgb];
}

function clampUnit(c: RGB): RGB {
  const clamp = (v: number): number => Math.min(1, Math.max(0, v));
  return { r: clamp(c.r), g: clamp(c.g), b: clamp(c.b) };
}

function unitHex(c: RGB): string {
  return `#${[c.r, c.g, c.b].map((v) => Math.round(Math.min(1, Math.max(0, v)) * 255).toString(16).padStart(2, '0')).join('')}`;
}
