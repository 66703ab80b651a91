import { extractColors } from 'extract-colors';
import type { RgbaImage } from '../../core/cv/rgba-image.ts';
import type { Peer } from '../peer.ts';
import { PALETTE_SIZE } from '../palette-size.ts';

/**
 * extract-colors 4 on the RGBA bytes, library defaults (64 000 sampled pixels, distance 0.22).
 * It takes no colour count: its list is sorted by area and cut to `PALETTE_SIZE`.
 */
export const extractColorsPeer: Peer = {
  id: 'extract-colors',
  note: 'extractColors(imageData) with its defaults (64 000 px sample, distance 0.22); no count option, so sorted by area and cut to 8',
  async extract(image: RgbaImage): Promise<string[]> {
    // Its ImageData stand-in wants a Uint8ClampedArray: a view over the same bytes, no copy.
    const data = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength);
    const colors = await extractColors({ data, width: image.width, height: image.height });
    return [...colors].sort((a, b) => b.area - a.area).slice(0, PALETTE_SIZE).map((c) => c.hex.toLowerCase());
  },
};
