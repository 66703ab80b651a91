import { parseHex } from '../color/index.ts';
import type { RgbaImage } from './rgba-image.ts';

/** The ring is read this far inside the frame (of its shorter side), so a frame's stroke is not taken for its background. */
const RING_INSET = 0.01;
/** Per-channel slack (0–255) when matching a ring pixel to a palette colour: export and colour management move values by a step or two. */
const MATCH_SLACK = 2;

/**
 * For each palette colour, the fraction (0–1) of the pixels on a ring just inside the frame's
 * edge that show it. What a frame shows at its edges is its page background; cards and panels
 * sit inside it. Used by role inference to tell the background from a larger surface.
 */
export function edgeRingShares(image: RgbaImage, hexes: readonly string[]): number[] {
  const { data, width, height } = image;
  const shares = new Array<number>(hexes.length).fill(0);
  if (width === 0 || height === 0 || hexes.length === 0) return shares;
  const palette = hexes.map((h) => parseHex(h) ?? { r: -999, g: -999, b: -999 });
  const inset = Math.min(Math.round(Math.min(width, height) * RING_INSET), Math.floor((Math.min(width, height) - 1) / 2));
  const left = inset, right = width - 1 - inset, top = inset, bottom = height - 1 - inset;
  let total = 0;
  const visit = (x: number, y: number) => {
    const i = (y * width + x) * 4;
    total++;
    const r = data[i]!, g = data[i + 1]!, b = data[i + 2]!;
    for (let k = 0; k < palette.length; k++) {
      const p = palette[k]!;
      if (Math.abs(p.r - r) <= MATCH_SLACK && Math.abs(p.g - g) <= MATCH_SLACK && Math.abs(p.b - b) <= MATCH_SLACK) {
        shares[k]! += 1;
        return;
      }
    }
  };
  for (let x = left; x <= right; x++) {
    visit(x, top);
    if (bottom !== top) visit(x, bottom);
  }
  for (let y = top + 1; y < bottom; y++) {
    visit(left, y);
    if (right !== left) visit(right, y);
  }
  return shares.map((s) => s / total);
}
