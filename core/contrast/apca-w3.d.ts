// apca-w3 0.1.9 ships JavaScript only; these are the two functions Chorus calls, as its source documents them.
declare module 'apca-w3' {
  /** Screen luminance Y (0–1) of an sRGB colour given as [r, g, b], channels 0–255. */
  export function sRGBtoY(rgb: readonly [number, number, number]): number;
  /**
   * APCA lightness contrast Lc of text luminance over background luminance (order matters):
   * positive for dark text on a light background, negative for light on dark; 0 for bad input.
   * `places` −1 returns the unrounded number.
   */
  export function APCAcontrast(textY: number, backgroundY: number, places?: number): number;
}
