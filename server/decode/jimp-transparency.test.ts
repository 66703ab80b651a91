import { describe, expect, it } from 'vitest';
import { decodePng } from './decode-png.ts';
import { decodeWithJimp } from './decode-with-jimp.ts';
import { encodeTestPng } from './testing/encode-png.ts';

/** Alpha of each pixel. */
const alphas = (data: ArrayLike<number>): number[] => Array.from(data).filter((_, i) => i % 4 === 3);

// tRNS on a grey or truecolour PNG names one colour that is fully transparent (PNG §11.3.2.1);
// the jimp fallback (decodeImage's path for a PNG the native decoder does not read, and the UI's
// when the browser cannot decode) must see those pixels as transparent too, or CV counts them.
describe('the jimp fallback honours tRNS', () => {
  it.each([
    ['8-bit RGB', { colorType: 2, bitDepth: 8, samples: (x: number) => (x === 0 ? [10, 20, 30] : [1, 2, 3]), transparency: [0, 10, 0, 20, 0, 30] }],
    ['16-bit RGB', { colorType: 2, bitDepth: 16, samples: (x: number) => (x === 0 ? [2570, 5140, 7710] : [257, 514, 771]), transparency: [10, 10, 20, 20, 30, 30] }],
    ['8-bit grey', { colorType: 0, bitDepth: 8, samples: (x: number) => (x === 0 ? [7] : [9]), transparency: [0, 7] }],
    ['4-bit grey', { colorType: 0, bitDepth: 4, samples: (x: number) => (x === 0 ? [3] : [5]), transparency: [0, 3] }],
  ] as const)('on %s, like the native decoder', async (_, spec) => {
    const png = encodeTestPng({ width: 2, height: 1, ...spec } as Parameters<typeof encodeTestPng>[0]);
    expect(alphas((await decodeWithJimp(png)).data)).toEqual([0, 255]);
    expect(alphas(decodePng(png).data)).toEqual([0, 255]);
  });
});
