import { DecodeError } from '../decode-error.ts';

/**
 * The fast path for screenshots: non-interlaced, 8-bit truecolour (3 channels) or
 * truecolour+alpha (4). Each pixel is one 32-bit word of the output, and the PNG filters
 * (spec §9) run on whole pixels with SIMD-within-a-register byte arithmetic, which on V8 is
 * about 4× faster than a loop over bytes. Only valid on little-endian hosts (RGBA in memory
 * is then 0xAABBGGRR in a Uint32Array); the caller checks.
 *
 * `raw` is the inflated data (scanlines led by their filter byte); `out` is width × height × 4
 * bytes, 4-byte aligned: a buffer of its own, or for RGBA a view from `raw`'s first byte.
 * Throws `DecodeError('CORRUPT')` on an unknown filter type.
 */
export function unfilterTruecolor8Words(raw: Uint8Array, width: number, height: number, channels: 3 | 4, out: Uint8Array): void {
  const rowBytes = width * channels;
  const stride = rowBytes + 1;
  const pixels = new Int32Array(out.buffer, out.byteOffset, width * height);
  // A 4-byte-aligned copy of the current RGB scanline, so it can be read a word at a time.
  const rgbRow = channels === 3 ? new Uint8Array(Math.ceil(rowBytes / 4) * 4) : null;
  const rgbWords = rgbRow ? new Int32Array(rgbRow.buffer) : null;
  const opaque = channels === 3 ? ALPHA : 0;
  // `out` may be `raw` itself, from its first byte (RGBA only): each row is then moved into place
  // before it is unfiltered; the rows below have not been read yet and lie further on.
  const inPlace = out.buffer === raw.buffer;
  if (inPlace && (channels !== 4 || out.byteOffset !== raw.byteOffset)) throw new RangeError('In-place unfiltering needs 4 channels and `out` starting where `raw` does.');

  for (let y = 0; y < height; y++) {
    const line = y * stride + 1;
    const filter = raw[line - 1];
    const start = y * width;
    const end = start + width;
    const above = start - width; // the same column in the row above (only read when y > 0)

    // 1. The filtered bytes, one pixel per word; a 3-channel pixel gets alpha 255.
    if (rgbRow && rgbWords) {
      rgbRow.set(raw.subarray(line, line + rowBytes));
      expandRgbWords(rgbWords, rgbRow, width, pixels, start);
    } else if (inPlace) {
      // The row's bytes move left over the filter bytes of this row and those above (memmove).
      raw.copyWithin(start * 4, line, line + rowBytes);
    } else {
      out.set(raw.subarray(line, line + rowBytes), start * 4);
    }

    // 2. Undo the filter. Bytes wrap modulo 256 (§9.2); lanes never carry into each other.
    // `| opaque` pins a 3-channel pixel's alpha lane to 255 whatever the lane arithmetic did.
    switch (filter) {
      case 0:
        break;
      case 1:
        for (let i = start + 1; i < end; i++) pixels[i] = addBytes(pixels[i]!, pixels[i - 1]!) | opaque;
        break;
      case 2:
        if (y > 0) for (let i = start; i < end; i++) pixels[i] = addBytes(pixels[i]!, pixels[i - width]!) | opaque;
        break;
      case 3:
        if (y === 0) {
          for (let i = start + 1; i < end; i++) pixels[i] = addBytes(pixels[i]!, halveBytes(pixels[i - 1]!)) | opaque;
        } else {
          pixels[start] = addBytes(pixels[start]!, halveBytes(pixels[above]!)) | opaque;
          for (let i = start + 1; i < end; i++) pixels[i] = addBytes(pixels[i]!, averageBytes(pixels[i - 1]!, pixels[i - width]!)) | opaque;
        }
        break;
      case 4:
        if (y === 0) {
          // With nothing above, Paeth predicts the left byte: the same as Sub.
          for (let i = start + 1; i < end; i++) pixels[i] = addBytes(pixels[i]!, pixels[i - 1]!) | opaque;
        } else {
          pixels[start] = addBytes(pixels[start]!, pixels[above]!) | opaque;
          for (let i = start + 1; i < end; i++) {
            pixels[i] = addBytes(pixels[i]!, paethBytes(pixels[i - 1]!, pixels[i - width]!, pixels[i - width - 1]!)) | opaque;
          }
        }
        break;
      default:
        throw new DecodeError(
          'CORRUPT',
          `The PNG's image data is damaged (row ${y} uses filter type ${filter ?? 'none'}; only 0–4 exist). Export the image again and re-upload it.`,
        );
    }
  }
}

// Masks as signed 32-bit values: V8 keeps int32 arithmetic in registers, while values over
// 2^31 (as uint32) would be boxed as doubles and cost several times more.
const LOW7 = 0x7f7f7f7f;
const HIGH1 = 0x80808080 | 0;
const NOT_LOW1 = 0xfefefefe | 0;
const ALPHA = 0xff000000 | 0;

/** Four independent byte additions modulo 256. */
function addBytes(x: number, y: number): number {
  return ((x & LOW7) + (y & LOW7)) ^ ((x ^ y) & HIGH1);
}

/** floor(x / 2) in each byte. */
function halveBytes(x: number): number {
  return (x & NOT_LOW1) >>> 1;
}

/** floor((x + y) / 2) in each byte, without overflow: (x & y) + ((x ^ y) >> 1). */
function averageBytes(x: number, y: number): number {
  return ((x & y) + (((x ^ y) & NOT_LOW1) >>> 1)) | 0;
}

/** The Paeth predictor (spec §9.4) byte by byte: a = left, b = above, c = above-left. */
function paethBytes(a: number, b: number, c: number): number {
  // Whole-word cases, exact per byte: with above = above-left, p = a and |p - a| = 0, so every
  // byte predicts a (flat areas, and rows under a horizontal edge); with left = above-left, |p - b|
  // = 0 and |p - a| = |p - c|, so a wins only where a = b too: every byte predicts b (vertical edges).
  if (b === c) return a;
  if (a === c) return b;
  return (
    paethByte(a & 0xff, b & 0xff, c & 0xff) |
    (paethByte((a >>> 8) & 0xff, (b >>> 8) & 0xff, (c >>> 8) & 0xff) << 8) |
    (paethByte((a >>> 16) & 0xff, (b >>> 16) & 0xff, (c >>> 16) & 0xff) << 16) |
    (paethByte(a >>> 24, b >>> 24, c >>> 24) << 24)
  );
}

/** The Paeth predictor of one byte: p = a + b - c, the nearest of a, b, c to it, ties in that order. */
function paethByte(a: number, b: number, c: number): number {
  const pa = b > c ? b - c : c - b; // |p - a|
  const pb = a > c ? a - c : c - a; // |p - b|
  const sum = a + b - c - c;
  const pc = sum < 0 ? -sum : sum; // |p - c|
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Packs 3-byte pixels from a word-aligned row into one word each, alpha 255 (little-endian). */
function expandRgbWords(rgbWords: Int32Array, rgbRow: Uint8Array, width: number, pixels: Int32Array, start: number): void {
  const groups = width >> 2; // 4 pixels = 3 source words
  let w = 0;
  let p = start;
  for (let g = 0; g < groups; g++, w += 3, p += 4) {
    const w0 = rgbWords[w]!; // r0 g0 b0 r1
    const w1 = rgbWords[w + 1]!; // g1 b1 r2 g2
    const w2 = rgbWords[w + 2]!; // b2 r3 g3 b3
    pixels[p] = w0 | ALPHA;
    pixels[p + 1] = (w0 >>> 24) | ((w1 & 0xffff) << 8) | ALPHA;
    pixels[p + 2] = (w1 >>> 16) | ((w2 & 0xff) << 16) | ALPHA;
    pixels[p + 3] = (w2 >>> 8) | ALPHA;
  }
  for (let x = groups * 4, i = x * 3; x < width; x++, i += 3, p++) {
    pixels[p] = rgbRow[i]! | (rgbRow[i + 1]! << 8) | (rgbRow[i + 2]! << 16) | ALPHA;
  }
}
