import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodePng } from '../../../server/decode/decode-png.ts';
import { FIXTURES_DIR } from '../../fixtures/load-fixtures.ts';
import { encodeRgbaPng } from './encode-rgba-png.ts';
import { createFuzzRandom } from './fuzz-random.ts';

/** Side of the square of pixels repainted in each copy: small enough to leave the palette as it was, big enough to be seen. */
const PATCH = 12;

/** A distinct screen: which fixture it came from, and the PNG as base64. */
export interface PerturbedScreen {
  readonly fixture: string;
  readonly base64: string;
}

/**
 * `count` different PNGs made from the fixture screens (taken in turn): each has a PATCH × PATCH
 * square repainted at a seeded place in a seeded colour, then is re-encoded. Different bytes and
 * pixels, so the server's cache (keyed by image hash) cannot answer any of them: every run does the
 * full work, on a real screen's content.
 */
export function perturbedScreens(fixtures: readonly string[], count: number, seed: number): PerturbedScreen[] {
  const r = createFuzzRandom(seed);
  const decoded = fixtures.map((name) => ({ name, image: decodePng(new Uint8Array(readFileSync(path.join(FIXTURES_DIR, `${name}.png`)))) }));
  return Array.from({ length: count }, (_, i) => {
    const { name, image } = decoded[i % decoded.length]!;
    const data = Uint8Array.from(image.data);
    const x0 = r.int(0, image.width - PATCH);
    const y0 = r.int(0, image.height - PATCH);
    const [red, green, blue] = [r.int(0, 255), r.int(0, 255), r.int(0, 255)];
    for (let y = y0; y < y0 + PATCH; y++) {
      for (let x = x0; x < x0 + PATCH; x++) data.set([red, green, blue, 255], (y * image.width + x) * 4);
    }
    return { fixture: name, base64: Buffer.from(encodeRgbaPng({ data, width: image.width, height: image.height })).toString('base64') };
  });
}
