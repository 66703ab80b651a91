import { constants, inflateSync } from 'node:zlib';
import type { RgbaImage } from '../../core/cv/rgba-image.ts';
import { DecodeError } from './decode-error.ts';
import { convertRgbaToSrgb } from '../../core/color/convert-rgba-to-srgb.ts';
import { ADAM7_PASSES, adam7PassSize } from './private/adam7.ts';
import { pngColorSpace } from './private/png-color-space.ts';
import { readPngChunks, type PngChunks } from './private/read-png-chunks.ts';
import { CHANNELS, scanlinesToRgba } from './private/scanlines-to-rgba.ts';
import { unfilterScanlines } from './private/unfilter-scanlines.ts';
import { unfilterTruecolor8Words } from './private/unfilter-truecolor8-words.ts';

/** The word-at-a-time fast path reads RGBA as 0xAABBGGRR, which holds on little-endian hosts only. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** One reduced image in the zlib stream: the whole image, or one of the seven Adam7 passes. */
interface PassLayout {
  readonly x0: number;
  readonly y0: number;
  readonly dx: number;
  readonly dy: number;
  readonly width: number;
  readonly height: number;
  readonly rowBytes: number;
  /** Where its scanlines start in the inflated data. */
  readonly offset: number;
}

export interface DecodeOptions {
  /** The pixels in a SharedArrayBuffer (for a worker thread to hand over without a copy). */
  readonly shared?: boolean;
}

/**
 * Decodes a PNG to 8-bit RGBA (0–255 per channel, row-major, `width * height * 4` bytes),
 * with Node's native zlib. Reads every standard PNG: colour types 0/2/3/4/6 at every bit
 * depth the spec allows, PLTE/tRNS transparency, Adam7 interlacing. 16-bit and sub-byte
 * samples are rescaled exactly as jimp does (see `scanlinesToRgba`). Tagged images are colour-
 * managed into sRGB, what Chorus measures in (cICP, an RGB matrix/TRC iCCP profile such as
 * Display P3, gAMA/cHRM; see pngColorSpace); untagged ones are taken as sRGB.
 *
 * Throws `DecodeError`: `NOT_PNG`, `TRUNCATED`, `CORRUPT`, `UNSUPPORTED` (a non-standard
 * method or unknown critical chunk) or `TOO_LARGE` (over `MAX_DECODE_PIXELS`, refused from
 * the header before inflating).
 */
export function decodePng(bytes: Uint8Array, options: DecodeOptions = {}): RgbaImage {
  const chunks = readPngChunks(bytes);
  const image = decodePixels(chunks, options.shared === true);
  const space = pngColorSpace(chunks.color);
  if (space) convertRgbaToSrgb(image.data, space);
  return image;
}

function decodePixels(chunks: PngChunks, shared: boolean): RgbaImage {
  const { width, height, bitDepth, colorType, interlaced } = chunks.header;
  const bitsPerPixel = CHANNELS[colorType] * bitDepth;
  // The filter unit is a whole pixel, or one byte when pixels are smaller (§9.2).
  const filterUnit = Math.max(1, bitsPerPixel >> 3);

  const passes: PassLayout[] = [];
  let expectedBytes = 0;
  for (const pass of interlaced ? ADAM7_PASSES : [{ x0: 0, y0: 0, dx: 1, dy: 1 }]) {
    const size = interlaced ? adam7PassSize(pass, width, height) : { width, height };
    if (size.width === 0 || size.height === 0) continue;
    const rowBytes = Math.ceil((size.width * bitsPerPixel) / 8);
    passes.push({ ...pass, ...size, rowBytes, offset: expectedBytes });
    expectedBytes += size.height * (rowBytes + 1);
  }

  const raw = inflateImageData(chunks, expectedBytes);
  const format = { colorType, bitDepth, palette: chunks.palette, transparency: chunks.transparency };
  // 8-bit RGBA rows are unfiltered where they were inflated, each moved left over the filter bytes
  // before it: a fresh buffer for the pixels costs more than the unfiltering itself (its pages are
  // zeroed on first touch: 3 ms for a 1902 × 1024 frame, against 0.3 ms to write memory already
  // touched). Only on a buffer the inflated data has to itself (Node pools Buffers under
  // Buffer.poolSize / 2), aligned for the word view, and not when the caller wants shared memory.
  const inPlace = !shared && !interlaced && LITTLE_ENDIAN && bitDepth === 8 && colorType === 6 && raw.byteOffset % 4 === 0 && raw.byteLength >= Buffer.poolSize;
  const out = inPlace
    ? new Uint8Array(raw.buffer, raw.byteOffset, width * height * 4)
    : new Uint8Array(shared ? new SharedArrayBuffer(width * height * 4) : new ArrayBuffer(width * height * 4));

  if (!interlaced) {
    // Screenshots are 8-bit RGB or RGBA: take the fast path unless tRNS marks a transparent colour.
    const hasTransparentColor = colorType === 2 && chunks.transparency?.length === 6;
    if (LITTLE_ENDIAN && bitDepth === 8 && (colorType === 6 || (colorType === 2 && !hasTransparentColor))) {
      unfilterTruecolor8Words(raw, width, height, colorType === 6 ? 4 : 3, out);
      return { data: out, width, height };
    }
    const pass = passes[0]!;
    unfilterScanlines(raw, 0, pass.rowBytes, height, filterUnit);
    scanlinesToRgba(raw, 0, pass.rowBytes, width, height, format, out);
    return { data: out, width, height };
  }

  // Each pass is a small image of its own (own filtering); decode it, then scatter its pixels.
  const target = new Uint32Array(out.buffer, out.byteOffset, width * height);
  for (const pass of passes) {
    unfilterScanlines(raw, pass.offset, pass.rowBytes, pass.height, filterUnit);
    const passPixels = new Uint8Array(pass.width * pass.height * 4);
    scanlinesToRgba(raw, pass.offset, pass.rowBytes, pass.width, pass.height, format, passPixels);
    const source = new Uint32Array(passPixels.buffer, 0, pass.width * pass.height);
    let s = 0;
    for (let py = 0; py < pass.height; py++) {
      let t = (pass.y0 + py * pass.dy) * width + pass.x0;
      for (let px = 0; px < pass.width; px++, t += pass.dx) target[t] = source[s++]!;
    }
  }
  return { data: out, width, height };
}

/**
 * Inflates the concatenated IDAT payloads, never past `expectedBytes` (so a zlib bomb
 * cannot grow the buffer beyond what the header declared).
 */
function inflateImageData(chunks: PngChunks, expectedBytes: number): Uint8Array {
  const compressed = chunks.imageData.length === 1 ? chunks.imageData[0]! : Buffer.concat(chunks.imageData);
  let raw: Uint8Array;
  try {
    raw = inflateSync(compressed, {
      // A cut-off stream then returns what it has instead of throwing, so we can say "truncated".
      finishFlush: constants.Z_SYNC_FLUSH,
      maxOutputLength: Math.max(1, expectedBytes),
      // One output buffer of the final size: no growing and re-copying in 16 KiB steps.
      chunkSize: Math.max(constants.Z_MIN_CHUNK, expectedBytes + 1),
    });
  } catch (error) {
    const tooMuch = error instanceof RangeError;
    throw new DecodeError(
      'CORRUPT',
      tooMuch
        ? 'The PNG holds more image data than its size declares. Export the image again and re-upload it.'
        : "The PNG's compressed image data is damaged. Export the image again and re-upload it.",
      { cause: error },
    );
  }
  if (raw.length < expectedBytes) {
    throw new DecodeError(
      chunks.complete ? 'CORRUPT' : 'TRUNCATED',
      `The PNG's image data stops at ${Math.floor((100 * raw.length) / expectedBytes)} % of the picture` +
        `${chunks.complete ? '' : ' (the file is cut off)'}. Export the image again and re-upload it.`,
    );
  }
  return raw;
}
