import { getPalette } from 'colorthief';
import type { RgbaImage } from '../../core/cv/rgba-image.ts';
import type { Peer } from '../peer.ts';
import { PALETTE_SIZE } from '../palette-size.ts';

/**
 * colorthief 3 (`getPalette`, MMCQ in OKLCH, every 10th pixel). Its Node loader needs sharp,
 * which we do not install, so a per-call `loader` hands it our decoded pixels instead.
 * `ignoreWhite` is turned off: its default drops near-white pixels (> 250), which would hide
 * the background of every light screen.
 */
export const colorthiefPeer: Peer = {
  id: 'colorthief',
  note: 'getPalette(colorCount 8, ignoreWhite false, own loader: its Node loader needs sharp); defaults otherwise (quality 10, OKLCH); sorted by population',
  async extract(image: RgbaImage): Promise<string[]> {
    const palette = await getPalette('chorus-bench-image', {
      colorCount: PALETTE_SIZE,
      ignoreWhite: false,
      loader: { load: () => Promise.resolve({ data: image.data, width: image.width, height: image.height }) },
    });
    return [...(palette ?? [])].sort((a, b) => b.population - a.population).map((c) => c.hex().toLowerCase());
  },
};
