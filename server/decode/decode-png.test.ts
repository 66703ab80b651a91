import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../core/random/mulberry32.ts';
import { loadFixtures } from '../../test/fixtures/load-fixtures.ts';
import { DecodeError, type DecodeErrorCode } from './decode-error.ts';
import { decodePng } from './decode-png.ts';
import { decodeWithJimp } from './decode-with-jimp.ts';
import { MAX_DECODE_PIXELS } from './max-decode-pixels.ts';
import { assemblePng, chunk, encodeTestPng, filteredScanlines, ihdr, type TestPngSpec } from './testing/encode-png.ts';

/** RGBA of pixel (x, y). */
function pixelAt(image: { data: Uint8Array | Uint8ClampedArray; width: number }, x: number, y: number): number[] {
  const i = (y * image.width + x) * 4;
  return Array.from(image.data.subarray(i, i + 4));
}

/** Every pixel as an RGBA list, row-major. */
function allPixels(image: { data: Uint8Array | Uint8ClampedArray; width: number; height: number }): number[][] {
  const out: number[][] = [];
  for (let y = 0; y < image.height; y++) for (let x = 0; x < image.width; x++) out.push(pixelAt(image, x, y));
  return out;
}

function expectDecodeError(run: () => unknown, code: DecodeErrorCode): DecodeError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DecodeError);
    const decodeError = error as DecodeError;
    expect(decodeError.code).toBe(code);
    // A sentence a person can act on, not a stack-trace fragment.
    expect(decodeError.message).toMatch(/^[A-Z].*\.$/);
    return decodeError;
  }
  throw new Error(`expected DecodeError ${code}, but decoding succeeded`);
}

/** Varied 8-bit RGB(A) content: gradients, a hard edge and repeats, so every filter predicts something different. */
const rgba8 = (x: number, y: number): number[] => [
  (x * 37 + y * 11) & 0xff,
  x < 3 ? 250 : (y * 53) & 0xff,
  (x * y * 29 + 7) & 0xff,
  (255 - x * 13 - y * 17) & 0xff,
];

describe('decodePng on the fixture screens', () => {
  const fixtures = loadFixtures();

  it('finds the 18 fixture screens', () => {
    expect(fixtures).toHaveLength(18);
  });

  for (const fixture of fixtures) {
    it(`matches jimp pixel for pixel on ${fixture.name}`, async () => {
      const ours = decodePng(fixture.png);
      const reference = await decodeWithJimp(fixture.png);
      expect([ours.width, ours.height]).toEqual([reference.width, reference.height]);
      expect([ours.width, ours.height]).toEqual([fixture.truth.size.width, fixture.truth.size.height]);
      expect(ours.data.length).toBe(ours.width * ours.height * 4);
      // Compare as one Buffer: a per-pixel expect() on 1.3 M pixels would take minutes.
      expect(Buffer.compare(Buffer.from(ours.data), Buffer.from(reference.data))).toBe(0);
    });
  }
});

describe('decodePng filters', () => {
  const filterNames = ['None', 'Sub', 'Up', 'Average', 'Paeth'];
  // Width 7: not a multiple of 4, so the word-at-a-time path's tail is covered too.
  for (const channels of [3, 4] as const) {
    for (let filter = 0; filter <= 4; filter++) {
      it(`undoes ${filterNames[filter]} on 8-bit ${channels === 3 ? 'RGB' : 'RGBA'}`, () => {
        const png = encodeTestPng({ width: 7, height: 5, colorType: channels === 3 ? 2 : 6, bitDepth: 8, filter, samples: (x, y) => rgba8(x, y).slice(0, channels) });
        const image = decodePng(png);
        for (let y = 0; y < 5; y++) {
          for (let x = 0; x < 7; x++) expect(pixelAt(image, x, y)).toEqual(channels === 3 ? [...rgba8(x, y).slice(0, 3), 255] : rgba8(x, y));
        }
      });
    }
    it(`undoes a different filter on every row (8-bit ${channels === 3 ? 'RGB' : 'RGBA'}, 33 × 9)`, () => {
      const png = encodeTestPng({ width: 33, height: 9, colorType: channels === 3 ? 2 : 6, bitDepth: 8, filter: (row) => (row * 3) % 5, samples: (x, y) => rgba8(x, y).slice(0, channels) });
      const image = decodePng(png);
      expect(pixelAt(image, 32, 8)).toEqual(channels === 3 ? [...rgba8(32, 8).slice(0, 3), 255] : rgba8(32, 8));
      expect(pixelAt(image, 0, 4)).toEqual(channels === 3 ? [...rgba8(0, 4).slice(0, 3), 255] : rgba8(0, 4));
    });
  }

  it('unfilters a large RGBA image where it was inflated to the same pixels as into a buffer of its own', () => {
    // 96 × 48 RGBA: over Buffer.poolSize, so the inflated rows are unfiltered in place; shared memory
    // takes the copying path. Every filter, row after row, as each row moves over the filter bytes above it.
    const spec = { width: 96, height: 48, colorType: 6, bitDepth: 8, filter: (row: number) => row % 5, samples: rgba8 } as const;
    const png = encodeTestPng(spec);
    const inPlace = decodePng(png);
    const copied = decodePng(png, { shared: true });
    expect(inPlace.data.length).toBe(96 * 48 * 4);
    expect(Buffer.compare(Buffer.from(inPlace.data), Buffer.from(copied.data))).toBe(0);
    for (const [x, y] of [[0, 0], [95, 0], [0, 47], [95, 47], [41, 23]] as const) expect(pixelAt(inPlace, x, y)).toEqual(rgba8(x, y));
  });

  it('breaks Paeth ties in the order left, above, above-left (spec §9.4), on both decoding paths', () => {
    // Lane by lane (a = left, b = above, c = above-left): a tie |p-a| = |p-c| must pick a, a tie |p-b| = |p-c| must pick b.
    const c = [10, 10, 7, 50], b = [13, 4, 7, 100], a = [4, 13, 7, 200], target = [99, 98, 97, 96];
    const at = (x: number, y: number) => (y === 0 ? (x === 0 ? c : b) : x === 0 ? a : target);
    const variants: TestPngSpec[] = [
      { width: 2, height: 2, colorType: 6, bitDepth: 8, filter: (row) => (row === 0 ? 0 : 4), samples: at },
      { width: 2, height: 2, colorType: 2, bitDepth: 8, filter: (row) => (row === 0 ? 0 : 4), samples: (x, y) => at(x, y).slice(0, 3) },
      // tRNS sends 8-bit RGB down the byte-at-a-time path.
      { width: 2, height: 2, colorType: 2, bitDepth: 8, filter: (row) => (row === 0 ? 0 : 4), transparency: [0, 1, 0, 1, 0, 1], samples: (x, y) => at(x, y).slice(0, 3) },
    ];
    for (const spec of variants) {
      const image = decodePng(encodeTestPng(spec));
      expect(pixelAt(image, 1, 1).slice(0, 3)).toEqual(target.slice(0, 3));
      expect(pixelAt(image, 0, 1).slice(0, 3)).toEqual(a.slice(0, 3));
    }
  });

  it('undoes Paeth exactly on blocky images, where whole pixels repeat left, above or both (the word path’s shortcuts)', () => {
    // Blocks of a few colours with edges every few pixels, and channels that sometimes repeat:
    // every case of left / above / above-left being equal, as whole pixels and byte by byte.
    const random = mulberry32(9);
    const colors = Array.from({ length: 5 }, () => [0, 0, 0, 0].map(() => Math.floor(random() * 4) * 85));
    const cells = Array.from({ length: 12 * 12 }, () => colors[Math.floor(random() * colors.length)]!);
    const samples = (x: number, y: number) => cells[Math.floor(y / 3) * 12 + Math.floor(x / 3)]!;
    for (const channels of [3, 4] as const) {
      const spec = { width: 36, height: 36, colorType: channels === 3 ? 2 : 6, bitDepth: 8, filter: 4, samples: (x: number, y: number) => samples(x, y).slice(0, channels) } as const;
      const image = decodePng(encodeTestPng(spec));
      for (let y = 0; y < 36; y++) for (let x = 0; x < 36; x++) expect(pixelAt(image, x, y)).toEqual(channels === 3 ? [...samples(x, y).slice(0, 3), 255] : samples(x, y));
    }
  });

  it('undoes every filter on 1-bit rows, where the filter unit is one byte', () => {
    const bit = (x: number, y: number) => ((x + y) % 3 === 0 ? 1 : 0);
    for (let filter = 0; filter <= 4; filter++) {
      const image = decodePng(encodeTestPng({ width: 19, height: 4, colorType: 0, bitDepth: 1, filter, samples: (x, y) => [bit(x, y)] }));
      for (let y = 0; y < 4; y++) for (let x = 0; x < 19; x++) expect(pixelAt(image, x, y)[0]).toBe(bit(x, y) * 255);
    }
  });
});

describe('decodePng colour types', () => {
  it('reads 8-bit greyscale (type 0) as equal RGB, opaque', () => {
    const image = decodePng(encodeTestPng({ width: 2, height: 1, colorType: 0, bitDepth: 8, samples: (x) => [x === 0 ? 0x80 : 0x00] }));
    expect(allPixels(image)).toEqual([[128, 128, 128, 255], [0, 0, 0, 255]]);
  });

  it('makes the tRNS grey level transparent in 8-bit greyscale', () => {
    const image = decodePng(encodeTestPng({ width: 2, height: 1, colorType: 0, bitDepth: 8, transparency: [0, 0x40], samples: (x) => [x === 0 ? 0x40 : 0x41] }));
    expect(allPixels(image)).toEqual([[64, 64, 64, 0], [65, 65, 65, 255]]);
  });

  it('scales 1-, 2- and 4-bit greyscale to 0–255', () => {
    const one = decodePng(encodeTestPng({ width: 2, height: 1, colorType: 0, bitDepth: 1, samples: (x) => [x] }));
    expect(allPixels(one)).toEqual([[0, 0, 0, 255], [255, 255, 255, 255]]);
    const two = decodePng(encodeTestPng({ width: 4, height: 1, colorType: 0, bitDepth: 2, samples: (x) => [x] }));
    expect(allPixels(two).map((p) => p[0])).toEqual([0, 85, 170, 255]);
    const four = decodePng(encodeTestPng({ width: 3, height: 1, colorType: 0, bitDepth: 4, samples: (x) => [[0, 3, 15][x]!] }));
    expect(allPixels(four).map((p) => p[0])).toEqual([0, 51, 255]);
  });

  it('compares tRNS with the raw sample in 4-bit greyscale', () => {
    const image = decodePng(encodeTestPng({ width: 2, height: 1, colorType: 0, bitDepth: 4, transparency: [0, 3], samples: (x) => [x === 0 ? 3 : 4] }));
    expect(allPixels(image)).toEqual([[51, 51, 51, 0], [68, 68, 68, 255]]);
  });

  it('reads 8-bit RGB (type 2) as opaque', () => {
    const image = decodePng(encodeTestPng({ width: 1, height: 1, colorType: 2, bitDepth: 8, samples: () => [0x63, 0x5b, 0xff] }));
    expect(allPixels(image)).toEqual([[99, 91, 255, 255]]);
  });

  it('makes only the exact tRNS colour transparent in 8-bit RGB', () => {
    const colours = [[10, 20, 30], [10, 20, 31], [255, 255, 255]];
    const image = decodePng(encodeTestPng({ width: 3, height: 1, colorType: 2, bitDepth: 8, transparency: [0, 10, 0, 20, 0, 30], samples: (x) => colours[x]! }));
    expect(allPixels(image)).toEqual([[10, 20, 30, 0], [10, 20, 31, 255], [255, 255, 255, 255]]);
  });

  it('looks up 8-bit palette indices (type 3), with tRNS alpha for the first entries only', () => {
    const palette = [[255, 0, 0], [0, 255, 0], [0, 0, 255]] as const;
    const image = decodePng(encodeTestPng({ width: 3, height: 1, colorType: 3, bitDepth: 8, palette, transparency: [0, 128], samples: (x) => [x] }));
    expect(allPixels(image)).toEqual([[255, 0, 0, 0], [0, 255, 0, 128], [0, 0, 255, 255]]);
  });

  it('unpacks 1-, 2- and 4-bit palette indices', () => {
    const palette = Array.from({ length: 16 }, (_, i) => [i * 16, 255 - i * 16, i] as const);
    for (const bitDepth of [1, 2, 4] as const) {
      const width = 11;
      const max = (1 << bitDepth) - 1;
      const image = decodePng(encodeTestPng({ width, height: 2, colorType: 3, bitDepth, palette: palette.slice(0, max + 1), samples: (x, y) => [(x + y) % (max + 1)] }));
      for (let x = 0; x < width; x++) {
        const index = (x + 1) % (max + 1);
        expect(pixelAt(image, x, 1)).toEqual([index * 16, 255 - index * 16, index, 255]);
      }
    }
  });

  it('refuses a palette index past the end of PLTE', () => {
    const png = encodeTestPng({ width: 2, height: 1, colorType: 3, bitDepth: 8, palette: [[1, 2, 3]], samples: (x) => [x] });
    expectDecodeError(() => decodePng(png), 'CORRUPT');
  });

  it('reads 8-bit grey + alpha (type 4)', () => {
    const image = decodePng(encodeTestPng({ width: 2, height: 1, colorType: 4, bitDepth: 8, samples: (x) => (x === 0 ? [200, 100] : [0, 255]) }));
    expect(allPixels(image)).toEqual([[200, 200, 200, 100], [0, 0, 0, 255]]);
  });

  it('reads 8-bit RGBA (type 6) unchanged', () => {
    const image = decodePng(encodeTestPng({ width: 2, height: 1, colorType: 6, bitDepth: 8, samples: (x) => (x === 0 ? [1, 2, 3, 4] : [250, 251, 252, 0]) }));
    expect(allPixels(image)).toEqual([[1, 2, 3, 4], [250, 251, 252, 0]]);
  });

  it('rounds 16-bit samples to 8 bits as v × 255 / 65535 (jimp\'s rule), for every 16-bit type', () => {
    // 0x00ff → 0.99 → 1 (taking the high byte would give 0); 0x8080 → 128; 0xfeff → 254.
    const rgba = decodePng(encodeTestPng({ width: 1, height: 1, colorType: 6, bitDepth: 16, samples: () => [0xffff, 0x00ff, 0x8080, 0xfeff] }));
    expect(allPixels(rgba)).toEqual([[255, 1, 128, 254]]);
    const rgb = decodePng(encodeTestPng({ width: 1, height: 1, colorType: 2, bitDepth: 16, samples: () => [0x0000, 0x7fff, 0xffff] }));
    expect(allPixels(rgb)).toEqual([[0, 127, 255, 255]]);
    const grey = decodePng(encodeTestPng({ width: 1, height: 1, colorType: 0, bitDepth: 16, samples: () => [0x1234] }));
    expect(allPixels(grey)).toEqual([[18, 18, 18, 255]]); // 4660 / 257 = 18.13
    const greyAlpha = decodePng(encodeTestPng({ width: 1, height: 1, colorType: 4, bitDepth: 16, samples: () => [0xffff, 0x0180] }));
    expect(allPixels(greyAlpha)).toEqual([[255, 255, 255, 1]]); // 384 / 257 = 1.49
  });

  it('compares 16-bit tRNS with all 16 bits, not the rounded value', () => {
    const image = decodePng(encodeTestPng({ width: 2, height: 1, colorType: 2, bitDepth: 16, transparency: [0x12, 0x34, 0, 0, 0xff, 0xff], samples: (x) => (x === 0 ? [0x1234, 0, 0xffff] : [0x1235, 0, 0xffff]) }));
    expect(allPixels(image)).toEqual([[18, 0, 255, 0], [18, 0, 255, 255]]);
  });

  it('agrees with jimp on 16-bit and sub-byte images', async () => {
    const specs: TestPngSpec[] = [
      { width: 9, height: 4, colorType: 6, bitDepth: 16, filter: 4, samples: (x, y) => [x * 7000, y * 9000, (x * y * 3001) & 0xffff, 65535 - x * 100] },
      { width: 9, height: 4, colorType: 0, bitDepth: 2, filter: 3, samples: (x, y) => [(x + y) & 3] },
      { width: 9, height: 4, colorType: 3, bitDepth: 4, filter: 1, palette: Array.from({ length: 16 }, (_, i) => [i, i * 2, i * 3] as const), transparency: [0, 50, 100], samples: (x, y) => [(x * y) & 15] },
    ];
    for (const spec of specs) {
      const png = encodeTestPng(spec);
      expect(Array.from(decodePng(png).data)).toEqual(Array.from((await decodeWithJimp(png)).data));
    }
  });
});

describe('decodePng interlacing (Adam7)', () => {
  for (const [width, height] of [[13, 11], [1, 1], [3, 2], [9, 1]] as const) {
    it(`places every pass's pixels in a ${width} × ${height} image`, async () => {
      const spec: TestPngSpec = { width, height, colorType: 6, bitDepth: 8, interlace: true, filter: (row) => row % 5, samples: rgba8 };
      const png = encodeTestPng(spec);
      const image = decodePng(png);
      for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) expect(pixelAt(image, x, y)).toEqual(rgba8(x, y));
      expect(Array.from(image.data)).toEqual(Array.from((await decodeWithJimp(png)).data));
    });
  }

  it('deinterlaces palette images with sub-byte indices', () => {
    const palette = [[0, 0, 0], [255, 0, 0], [0, 255, 0], [0, 0, 255]] as const;
    const image = decodePng(encodeTestPng({ width: 10, height: 7, colorType: 3, bitDepth: 2, interlace: true, palette, filter: 2, samples: (x, y) => [(x * 3 + y) & 3] }));
    for (let y = 0; y < 7; y++) for (let x = 0; x < 10; x++) expect(pixelAt(image, x, y)).toEqual([...palette[(x * 3 + y) & 3]!, 255]);
  });
});

describe('decodePng refusals', () => {
  const valid = encodeTestPng({ width: 4, height: 3, colorType: 2, bitDepth: 8, samples: (x, y) => [x, y, 0] });

  it('refuses bytes without the PNG signature', () => {
    expectDecodeError(() => decodePng(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')), 'NOT_PNG');
    expectDecodeError(() => decodePng(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])), 'NOT_PNG');
  });

  it('refuses an empty file', () => {
    const error = expectDecodeError(() => decodePng(new Uint8Array(0)), 'NOT_PNG');
    expect(error.message).toContain('empty');
  });

  it('reports a file cut inside the signature, a chunk header, a chunk and the image data as truncated', () => {
    expectDecodeError(() => decodePng(valid.subarray(0, 5)), 'TRUNCATED');
    expectDecodeError(() => decodePng(valid.subarray(0, 12)), 'TRUNCATED');
    expectDecodeError(() => decodePng(valid.subarray(0, 30)), 'TRUNCATED');
    expectDecodeError(() => decodePng(valid.subarray(0, valid.length - 20)), 'TRUNCATED');
  });

  it('reports a fixture cut in half as truncated', () => {
    const [first] = loadFixtures();
    expectDecodeError(() => decodePng(first!.png.subarray(0, first!.png.length >> 1)), 'TRUNCATED');
  });

  it('reports image data that stops early, in a file cut at a chunk boundary, as truncated', () => {
    const raw = filteredScanlines({ width: 4, height: 3, colorType: 2, bitDepth: 8, samples: () => [1, 2, 3] });
    const partial = deflateSync(raw).subarray(0, 8);
    expectDecodeError(() => decodePng(assemblePng(ihdr(4, 3, 8, 2), [chunk('IDAT', partial)], false)), 'TRUNCATED');
    // The same data with IEND present: the file is whole, the data is not.
    expectDecodeError(() => decodePng(assemblePng(ihdr(4, 3, 8, 2), [chunk('IDAT', partial)])), 'CORRUPT');
  });

  it('accepts a file whose only loss is the IEND chunk', () => {
    const withoutEnd = valid.subarray(0, valid.length - 12);
    expect(pixelAt(decodePng(withoutEnd), 3, 2)).toEqual([3, 2, 0, 255]);
  });

  it('reads IDAT data split across many chunks', () => {
    const compressed = deflateSync(filteredScanlines({ width: 4, height: 3, colorType: 2, bitDepth: 8, samples: (x, y) => [x, y, 9] }));
    const pieces = Array.from({ length: compressed.length }, (_, i) => chunk('IDAT', compressed.subarray(i, i + 1)));
    expect(pixelAt(decodePng(assemblePng(ihdr(4, 3, 8, 2), pieces)), 3, 2)).toEqual([3, 2, 9, 255]);
  });

  it('refuses a zero width or height', () => {
    expectDecodeError(() => decodePng(assemblePng(ihdr(0, 10, 8, 6), [chunk('IDAT', deflateSync(new Uint8Array(0)))])), 'CORRUPT');
    expectDecodeError(() => decodePng(assemblePng(ihdr(10, 0, 8, 6), [])), 'CORRUPT');
  });

  it('refuses 100000 × 100000 from the header alone, before reading or allocating anything', () => {
    // No image data at all: reaching the data would say TRUNCATED; 40 GB of RGBA would throw a RangeError.
    const error = expectDecodeError(() => decodePng(assemblePng(ihdr(100_000, 100_000, 8, 6), [], false)), 'TOO_LARGE');
    expect(error.message).toContain('100000 × 100000');
  });

  it(`refuses just over MAX_DECODE_PIXELS (${MAX_DECODE_PIXELS}) and lets the limit itself through to the data`, () => {
    const side = Math.floor(Math.sqrt(MAX_DECODE_PIXELS));
    expectDecodeError(() => decodePng(assemblePng(ihdr(side + 1, side + 1, 8, 2), [chunk('IDAT', deflateSync(new Uint8Array(10)))])), 'TOO_LARGE');
    // At the limit the header passes and the (short) data is what fails.
    expectDecodeError(() => decodePng(assemblePng(ihdr(side, side, 8, 2), [chunk('IDAT', deflateSync(new Uint8Array(10)))])), 'CORRUPT');
  });

  it('refuses more image data than the header declares (a zlib bomb)', () => {
    const bomb = deflateSync(new Uint8Array(50_000_000));
    expectDecodeError(() => decodePng(assemblePng(ihdr(4, 3, 8, 2), [chunk('IDAT', bomb)])), 'CORRUPT');
  });

  it('refuses a chunk whose declared length is impossible or runs past the end', () => {
    const impossible = Uint8Array.from(valid);
    new DataView(impossible.buffer).setUint32(33, 0x80000000); // the first chunk after IHDR
    expectDecodeError(() => decodePng(impossible), 'CORRUPT');
    const overlong = Uint8Array.from(valid);
    new DataView(overlong.buffer).setUint32(33, 1_000_000);
    expectDecodeError(() => decodePng(overlong), 'TRUNCATED');
  });

  it('refuses a damaged critical chunk (CRC mismatch)', () => {
    const damaged = Uint8Array.from(valid);
    damaged[45] = damaged[45]! ^ 0xff; // inside the IDAT data
    expectDecodeError(() => decodePng(damaged), 'CORRUPT');
  });

  it('refuses an unknown filter type', () => {
    const png = encodeTestPng({ width: 4, height: 3, colorType: 2, bitDepth: 8, filter: (row) => (row === 1 ? 7 : 0), samples: () => [1, 2, 3] });
    expectDecodeError(() => decodePng(png), 'CORRUPT');
    const generic = encodeTestPng({ width: 4, height: 3, colorType: 0, bitDepth: 8, filter: (row) => (row === 1 ? 5 : 0), samples: () => [1] });
    expectDecodeError(() => decodePng(generic), 'CORRUPT');
  });

  it('refuses bit depths the colour type does not allow, and an indexed image without PLTE', () => {
    expectDecodeError(() => decodePng(assemblePng(ihdr(1, 1, 4, 2), [])), 'CORRUPT');
    expectDecodeError(() => decodePng(assemblePng(ihdr(1, 1, 8, 5), [])), 'CORRUPT');
    const raw = deflateSync(Uint8Array.from([0, 0]));
    expectDecodeError(() => decodePng(assemblePng(ihdr(1, 1, 8, 3), [chunk('IDAT', raw)])), 'CORRUPT');
  });

  it('refuses a non-standard interlace method and an unknown critical chunk as unsupported', () => {
    expectDecodeError(() => decodePng(assemblePng(ihdr(1, 1, 8, 2, 2), [])), 'UNSUPPORTED');
    const withCritical = encodeTestPng({ width: 1, height: 1, colorType: 2, bitDepth: 8, samples: () => [1, 2, 3], extraChunks: [{ type: 'ZZZZ', data: new Uint8Array(4) }] });
    expectDecodeError(() => decodePng(withCritical), 'UNSUPPORTED');
  });

  it('skips unknown ancillary chunks', () => {
    const png = encodeTestPng({ width: 1, height: 1, colorType: 2, bitDepth: 8, samples: () => [1, 2, 3], extraChunks: [{ type: 'zzZz', data: new Uint8Array(4) }, { type: 'tEXt', data: new TextEncoder().encode('Software\0Figma') }] });
    expect(allPixels(decodePng(png))).toEqual([[1, 2, 3, 255]]);
  });
});
