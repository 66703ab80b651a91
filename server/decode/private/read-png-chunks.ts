import { crc32 } from 'node:zlib';
import { DecodeError } from '../decode-error.ts';
import { MAX_DECODE_PIXELS } from '../max-decode-pixels.ts';

/** The 8-byte signature every PNG starts with (PNG spec §5.2). */
export const PNG_SIGNATURE: readonly number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** PNG colour types (spec §11.2.2): greyscale, truecolour, indexed, greyscale+alpha, truecolour+alpha. */
export type PngColorType = 0 | 2 | 3 | 4 | 6;

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: PngColorType;
  readonly interlaced: boolean;
}

/** What the pixel decoder needs from the chunk stream. */
export interface PngChunks {
  readonly header: PngHeader;
  /** PLTE entries as RGB triples; empty when absent. */
  readonly palette: Uint8Array;
  /** Raw tRNS payload (alpha per palette entry, or the transparent grey/RGB sample); null when absent. */
  readonly transparency: Uint8Array | null;
  /** The IDAT payloads in order: one zlib stream split across chunks. */
  readonly imageData: readonly Uint8Array[];
  /** Whether IEND was reached, i.e. the file is not cut off. */
  readonly complete: boolean;
  /** The colour-space chunks' raw payloads (PNG 3rd edition §11.3.2), for png-color-space.ts. */
  readonly color: PngColorChunks;
}

export interface PngColorChunks {
  /** cICP: colour primaries, transfer function, matrix coefficients, full-range flag. */
  readonly cicp?: Uint8Array;
  /** iCCP: profile name, NUL, compression method, zlib-compressed ICC profile. */
  readonly iccp?: Uint8Array;
  /** sRGB: the rendering intent. */
  readonly srgb?: Uint8Array;
  /** gAMA: the encoding gamma × 100000. */
  readonly gama?: Uint8Array;
  /** cHRM: white point and primaries, x and y × 100000. */
  readonly chrm?: Uint8Array;
}

/** Bit depths the spec allows for each colour type (§11.2.2, table 11.1). */
const ALLOWED_BIT_DEPTHS: Readonly<Record<PngColorType, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

/** Chunk lengths are at most 2^31 - 1 (spec §5.3). */
const MAX_CHUNK_LENGTH = 0x7fffffff;
/** Length (4) + type (4) before the data, CRC (4) after it. */
const CHUNK_OVERHEAD = 12;
const IHDR_LENGTH = 13;

const REEXPORT = 'Export the image again (PNG or JPEG) and upload it once more.';

/**
 * Splits a PNG into the chunks the decoder uses, checking the signature, every chunk's
 * length against the bytes present, and the CRC of critical chunks (as libpng and jimp do).
 * Refuses an image over `MAX_DECODE_PIXELS` as soon as IHDR is read, before any allocation.
 * Ancillary chunks are skipped; an unknown critical chunk is `UNSUPPORTED`.
 */
export function readPngChunks(bytes: Uint8Array): PngChunks {
  if (bytes.length === 0) {
    throw new DecodeError('NOT_PNG', 'The file is empty (0 bytes). Choose the PNG again and re-upload it.');
  }
  const signatureBytes = Math.min(bytes.length, PNG_SIGNATURE.length);
  for (let i = 0; i < signatureBytes; i++) {
    if (bytes[i] !== PNG_SIGNATURE[i]) {
      throw new DecodeError('NOT_PNG', 'This file is not a PNG (it does not start with the PNG signature). Export the frame as PNG and try again.');
    }
  }
  if (bytes.length < PNG_SIGNATURE.length) {
    throw new DecodeError('TRUNCATED', `The PNG is cut off after ${bytes.length} bytes. ${REEXPORT}`);
  }

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: PngHeader | null = null;
  let palette: Uint8Array = new Uint8Array(0);
  let transparency: Uint8Array | null = null;
  const color: { -readonly [K in keyof PngColorChunks]: PngColorChunks[K] } = {};
  const imageData: Uint8Array[] = [];
  let pos = PNG_SIGNATURE.length;
  let ended = false;

  while (pos < bytes.length) {
    if (pos + 8 > bytes.length) {
      throw new DecodeError('TRUNCATED', `The PNG is cut off inside a chunk header at byte ${pos}. ${REEXPORT}`);
    }
    const length = view.getUint32(pos);
    const type = String.fromCharCode(bytes[pos + 4] ?? 0, bytes[pos + 5] ?? 0, bytes[pos + 6] ?? 0, bytes[pos + 7] ?? 0);
    if (length > MAX_CHUNK_LENGTH) {
      throw new DecodeError('CORRUPT', `The PNG's "${type}" chunk declares an impossible length (${length} bytes). ${REEXPORT}`);
    }
    if (pos + CHUNK_OVERHEAD + length > bytes.length) {
      throw new DecodeError(
        'TRUNCATED',
        `The PNG is cut off: its "${type}" chunk needs ${length} bytes but the file ends ${bytes.length - pos - 8} bytes in. ${REEXPORT}`,
      );
    }
    const dataStart = pos + 8;
    const data = bytes.subarray(dataStart, dataStart + length);
    const critical = ((bytes[pos + 4] ?? 0) & 0x20) === 0; // bit 5 of the first type byte clear = critical (§5.4)
    if (critical) {
      // The CRC covers the type and the data (§5.3).
      const expected = view.getUint32(dataStart + length);
      if (crc32(bytes.subarray(pos + 4, dataStart + length)) !== expected) {
        throw new DecodeError('CORRUPT', `The PNG's "${type}" chunk is damaged (checksum mismatch). ${REEXPORT}`);
      }
    }

    if (header === null && type !== 'IHDR') {
      throw new DecodeError('CORRUPT', `The PNG has no header: its first chunk is "${type}", not "IHDR". ${REEXPORT}`);
    }
    switch (type) {
      case 'IHDR':
        if (header !== null) throw new DecodeError('CORRUPT', `The PNG has two headers (IHDR chunks). ${REEXPORT}`);
        header = readHeader(data);
        break;
      case 'PLTE':
        if (length % 3 !== 0 || length === 0 || length > 256 * 3) {
          throw new DecodeError('CORRUPT', `The PNG's palette has an invalid length (${length} bytes). ${REEXPORT}`);
        }
        palette = data;
        break;
      case 'tRNS':
        transparency = data;
        break;
      case 'IDAT':
        imageData.push(data);
        break;
      case 'IEND':
        ended = true;
        break;
      case 'cICP':
      case 'iCCP':
      case 'sRGB':
      case 'gAMA':
      case 'cHRM':
        // The first of each counts (the spec allows one); they must precede IDAT to apply.
        if (imageData.length === 0) color[type.toLowerCase() as keyof PngColorChunks] ??= data;
        break;
      default:
        if (critical) {
          throw new DecodeError('UNSUPPORTED', `The PNG uses a chunk type ("${type}") this decoder does not know. Save it as a plain PNG or JPEG and try again.`);
        }
    }
    pos = dataStart + length + 4;
    if (ended) break;
  }

  if (header === null) {
    throw new DecodeError('TRUNCATED', `The PNG ends before its header. ${REEXPORT}`);
  }
  if (imageData.length === 0) {
    throw new DecodeError(ended ? 'CORRUPT' : 'TRUNCATED', `The PNG has no image data (no IDAT chunk). ${REEXPORT}`);
  }
  if (header.colorType === 3 && palette.length === 0) {
    throw new DecodeError('CORRUPT', `The PNG is indexed-colour but has no palette (PLTE chunk). ${REEXPORT}`);
  }
  // A missing IEND alone is tolerated, as browsers do: the pixels are all there if the zlib stream is complete.
  return { header, palette, transparency, imageData, complete: ended, color };
}

function readHeader(data: Uint8Array): PngHeader {
  if (data.length !== IHDR_LENGTH) {
    throw new DecodeError('CORRUPT', `The PNG's header has ${data.length} bytes instead of ${IHDR_LENGTH}. ${REEXPORT}`);
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const width = view.getUint32(0);
  const height = view.getUint32(4);
  const bitDepth = data[8] ?? 0;
  const colorType = data[9] ?? 0;
  const compression = data[10] ?? 0;
  const filter = data[11] ?? 0;
  const interlace = data[12] ?? 0;

  if (width === 0 || height === 0 || width > MAX_CHUNK_LENGTH || height > MAX_CHUNK_LENGTH) {
    throw new DecodeError('CORRUPT', `The PNG declares an impossible size (${width} × ${height} pixels). ${REEXPORT}`);
  }
  // Checked here, before the image data is inflated or any pixel buffer allocated.
  if (width * height > MAX_DECODE_PIXELS) {
    throw new DecodeError(
      'TOO_LARGE',
      `The image is ${width} × ${height} pixels (${formatMegapixels(width * height)}); the limit is ${formatMegapixels(MAX_DECODE_PIXELS)}. ` +
        'Export the frame at 1x or 2x, or crop it, and try again.',
    );
  }
  if (!isColorType(colorType)) {
    throw new DecodeError('CORRUPT', `The PNG declares colour type ${colorType}, which the PNG standard does not define. ${REEXPORT}`);
  }
  if (!ALLOWED_BIT_DEPTHS[colorType].includes(bitDepth)) {
    throw new DecodeError('CORRUPT', `The PNG declares bit depth ${bitDepth} with colour type ${colorType}, a combination the PNG standard does not allow. ${REEXPORT}`);
  }
  if (compression !== 0 || filter !== 0 || interlace > 1) {
    throw new DecodeError(
      'UNSUPPORTED',
      `The PNG uses a compression, filter or interlace method (${compression}/${filter}/${interlace}) outside the PNG standard. Save it as a plain PNG or JPEG and try again.`,
    );
  }
  return { width, height, bitDepth, colorType, interlaced: interlace === 1 };
}

function isColorType(value: number): value is PngColorType {
  return value === 0 || value === 2 || value === 3 || value === 4 || value === 6;
}

function formatMegapixels(pixels: number): string {
  return `${(pixels / 1e6).toFixed(1)} megapixels`;
}
