import { crc32, deflateSync } from 'node:zlib';

/**
 * A small, deliberately plain PNG encoder for tests: builds files byte by byte from the
 * spec so the decoder is checked against an independent writer, including variants that
 * screenshot tools never produce (every filter type, sub-byte depths, Adam7).
 */
export interface TestPngSpec {
  readonly width: number;
  readonly height: number;
  readonly colorType: 0 | 2 | 3 | 4 | 6;
  readonly bitDepth: 1 | 2 | 4 | 8 | 16;
  /** Samples of pixel (x, y) at `bitDepth`: 1 for grey or index, 2 grey+alpha, 3 RGB, 4 RGBA. */
  readonly samples: (x: number, y: number) => readonly number[];
  /** Filter type per scanline (0–4), or a function of the row index within its pass. Default 0. */
  readonly filter?: number | ((row: number) => number);
  readonly interlace?: boolean;
  /** PLTE as RGB triples. */
  readonly palette?: readonly (readonly [number, number, number])[];
  /** tRNS payload, written as given. */
  readonly transparency?: readonly number[];
  /** Extra chunks inserted before the first IDAT. */
  readonly extraChunks?: readonly { readonly type: string; readonly data: Uint8Array }[];
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as const;
const PASSES = [
  [0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2],
] as const;

export function encodeTestPng(spec: TestPngSpec): Uint8Array {
  return assemblePng(ihdr(spec.width, spec.height, spec.bitDepth, spec.colorType, spec.interlace ? 1 : 0), [
    ...(spec.palette ? [chunk('PLTE', Uint8Array.from(spec.palette.flat()))] : []),
    ...(spec.transparency ? [chunk('tRNS', Uint8Array.from(spec.transparency))] : []),
    ...(spec.extraChunks ?? []).map((c) => chunk(c.type, c.data)),
    chunk('IDAT', deflateSync(filteredScanlines(spec))),
  ]);
}

/** The uncompressed IDAT stream: every pass's scanlines, each led by its filter byte. */
export function filteredScanlines(spec: TestPngSpec): Uint8Array {
  const out: number[] = [];
  const passes = spec.interlace ? PASSES : [[0, 0, 1, 1] as const];
  const bitsPerPixel = CHANNELS[spec.colorType] * spec.bitDepth;
  const bpp = Math.max(1, bitsPerPixel >> 3);
  for (const [x0, y0, dx, dy] of passes) {
    const xs: number[] = [];
    for (let x = x0; x < spec.width; x += dx) xs.push(x);
    let prior: number[] | null = null;
    let row = 0;
    for (let y = y0; y < spec.height && xs.length > 0; y += dy, row++) {
      const line = packScanline(xs.map((x) => spec.samples(x, y)), spec.bitDepth, bitsPerPixel);
      const type = typeof spec.filter === 'function' ? spec.filter(row) : (spec.filter ?? 0);
      out.push(type, ...applyFilter(type, line, prior, bpp));
      prior = line;
    }
  }
  return Uint8Array.from(out);
}

function packScanline(pixels: readonly (readonly number[])[], bitDepth: number, bitsPerPixel: number): number[] {
  const bytes = new Array<number>(Math.ceil((pixels.length * bitsPerPixel) / 8)).fill(0);
  let bit = 0;
  for (const samples of pixels) {
    for (const s of samples) {
      if (bitDepth === 16) {
        bytes[bit >> 3] = s >> 8;
        bytes[(bit >> 3) + 1] = s & 0xff;
      } else {
        bytes[bit >> 3]! |= s << (8 - bitDepth - (bit & 7));
      }
      bit += bitDepth;
    }
  }
  return bytes;
}

/** Filtering as written in the PNG spec §9.2–9.4, byte by byte. */
function applyFilter(type: number, line: readonly number[], prior: readonly number[] | null, bpp: number): number[] {
  const a = (i: number) => (i >= bpp ? line[i - bpp]! : 0);
  const b = (i: number) => (prior ? prior[i]! : 0);
  const c = (i: number) => (prior && i >= bpp ? prior[i - bpp]! : 0);
  return line.map((x, i) => {
    switch (type) {
      case 0: return x;
      case 1: return (x - a(i)) & 0xff;
      case 2: return (x - b(i)) & 0xff;
      case 3: return (x - Math.floor((a(i) + b(i)) / 2)) & 0xff;
      case 4: return (x - paeth(a(i), b(i), c(i))) & 0xff;
      default: return x; // an invalid type is written as asked, to test the decoder's refusal
    }
  });
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** IHDR payload; any values, valid or not. */
export function ihdr(width: number, height: number, bitDepth: number, colorType: number, interlace = 0): Uint8Array {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  data.set([bitDepth, colorType, 0, 0, interlace], 8);
  return chunk('IHDR', data);
}

/** One chunk with its length and CRC. */
export function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Signature + the given IHDR + chunks + IEND. */
export function assemblePng(header: Uint8Array, chunks: readonly Uint8Array[], withEnd = true): Uint8Array {
  const parts = [Uint8Array.from(SIGNATURE), header, ...chunks, ...(withEnd ? [chunk('IEND', new Uint8Array(0))] : [])];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}
