import { deflateSync } from 'node:zlib';
import { Jimp } from 'jimp';
import { assemblePng, chunk, encodeTestPng, filteredScanlines, ihdr, type TestPngSpec } from '../../../server/decode/testing/encode-png.ts';
import { MAX_DECODE_PIXELS } from '../../../server/decode/max-decode-pixels.ts';
import type { FuzzRandom } from './fuzz-random.ts';

/** A valid image to damage: `spec` when it was built here (so its scanlines can be re-made), null for a fixture file. */
export interface BaseImage {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly spec: TestPngSpec | null;
}

/** The valid images every image case starts from. */
export interface ImageKit {
  /** Small PNGs covering the colour types, depths, filters and interlacing (each under 10 kB). */
  readonly pngs: readonly BaseImage[];
  /** A real screen (a fixture), for damage deep inside a realistic file. */
  readonly screen: BaseImage;
  /** Small valid files in the other formats the decoder sniffs, written by jimp. */
  readonly foreign: Readonly<Record<'jpeg' | 'gif' | 'bmp' | 'tiff', Uint8Array>>;
}

/** A damaged image (or images: some cases send a good one beside a bad one) and what was done to it. */
export interface ImageCase {
  readonly note: string;
  readonly images: readonly Uint8Array[];
}

const SPECS: readonly (TestPngSpec & { readonly name: string })[] = [
  { name: 'rgba8 16×12', width: 16, height: 12, colorType: 6, bitDepth: 8, filter: (row) => row % 5, samples: (x, y) => [x * 16, y * 20, ((x ^ y) * 8) & 255, 255 - x] },
  { name: 'rgb8 33×7 paeth', width: 33, height: 7, colorType: 2, bitDepth: 8, filter: 4, samples: (x, y) => [x * 7, 255 - y * 30, (x * y) & 255] },
  {
    name: 'indexed4 8×8',
    width: 8,
    height: 8,
    colorType: 3,
    bitDepth: 4,
    palette: Array.from({ length: 16 }, (_, i) => [i * 16, 255 - i * 16, (i * 40) & 255] as const),
    transparency: [0, 128, 255],
    samples: (x, y) => [(x + y) % 16],
  },
  { name: 'grey16 20×20 adam7', width: 20, height: 20, colorType: 0, bitDepth: 16, interlace: true, filter: (row) => row % 5, samples: (x, y) => [(x * 3000 + y * 200) & 0xffff] },
  { name: 'grey-alpha8 5×40', width: 5, height: 40, colorType: 4, bitDepth: 8, filter: 1, samples: (x, y) => [y * 6, 255 - x * 40] },
  { name: 'rgb8 64×48 adam7', width: 64, height: 48, colorType: 2, bitDepth: 8, interlace: true, filter: (row) => (row * 3) % 5, samples: (x, y) => [x * 4, y * 5, 128] },
];

export async function createImageKit(screen: { name: string; bytes: Uint8Array }): Promise<ImageKit> {
  const picture = new Jimp({ width: 24, height: 16, color: 0x3366ccff });
  for (let x = 0; x < 24; x++) for (let y = 0; y < 6; y++) picture.setPixelColor((((x * 10) << 24) | ((y * 40) << 16) | 0x80ff) >>> 0, x, y);
  const [jpeg, gif, bmp, tiff] = await Promise.all((['image/jpeg', 'image/gif', 'image/bmp', 'image/tiff'] as const).map((mime) => picture.getBuffer(mime)));
  return {
    pngs: SPECS.map((spec) => ({ name: spec.name, bytes: encodeTestPng(spec), spec })),
    screen: { ...screen, spec: null },
    foreign: { jpeg: new Uint8Array(jpeg!), gif: new Uint8Array(gif!), bmp: new Uint8Array(bmp!), tiff: new Uint8Array(tiff!) },
  };
}

interface Chunk {
  readonly type: string;
  readonly data: Uint8Array;
}

/** The chunks of a valid PNG, in order (IEND included). */
function pngChunks(bytes: Uint8Array): Chunk[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Chunk[] = [];
  for (let pos = 8; pos + 12 <= bytes.length; ) {
    const length = view.getUint32(pos);
    chunks.push({ type: String.fromCharCode(...bytes.subarray(pos + 4, pos + 8)), data: bytes.subarray(pos + 8, pos + 8 + length) });
    pos += 12 + length;
  }
  return chunks;
}

/** Signature + the given chunks, each with a correct CRC (IEND only if listed). */
function pngOf(chunks: readonly Chunk[]): Uint8Array {
  return Buffer.concat([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks.map((c) => chunk(c.type, c.data))]);
}

function flipBytes(r: FuzzRandom, bytes: Uint8Array, count: number, from = 0, to = bytes.length): Uint8Array {
  const out = Uint8Array.from(bytes);
  if (to <= from) return out;
  for (let i = 0; i < count; i++) {
    const at = r.int(from, to - 1);
    out[at] = (out[at]! ^ r.int(1, 255)) & 0xff;
  }
  return out;
}

const basePng = (r: FuzzRandom, kit: ImageKit, screenShare: number): BaseImage => (r.chance(screenShare) ? kit.screen : r.pick(kit.pngs));

/** A valid PNG cut off at a random length. */
export function truncatedPng(r: FuzzRandom, kit: ImageKit): ImageCase {
  const base = basePng(r, kit, 0.2);
  const length = r.int(1, base.bytes.length - 1);
  return { note: `${base.name} cut to ${length} of ${base.bytes.length} bytes`, images: [base.bytes.subarray(0, length)] };
}

const OTHER_MAGIC: readonly (readonly number[])[] = [[0xff, 0xd8, 0xff, 0xe0], [0x47, 0x49, 0x46, 0x38], [0x42, 0x4d], [0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a], [0x52, 0x49, 0x46, 0x46]];

/** A PNG whose signature is damaged, replaced by another format's, shifted, or mangled as text-mode transfer does. */
export function wrongMagic(r: FuzzRandom, kit: ImageKit): ImageCase {
  const base = basePng(r, kit, 0.1);
  switch (r.int(0, 4)) {
    case 0: {
      const count = r.int(1, 3);
      return { note: `${base.name} with ${count} signature bytes changed`, images: [flipBytes(r, base.bytes, count, 0, 8)] };
    }
    case 1: {
      const magic = r.pick(OTHER_MAGIC);
      const out = Uint8Array.from(base.bytes);
      out.set(magic);
      return { note: `${base.name} behind magic ${Buffer.from(magic).toString('hex')}`, images: [out] };
    }
    case 2: {
      const junk = r.bytes(r.int(1, 16));
      return { note: `${base.name} after ${junk.length} junk bytes`, images: [Buffer.concat([junk, base.bytes])] };
    }
    case 3: {
      const out = Uint8Array.from(base.bytes);
      out.set([0x70, 0x6e, 0x67], 1);
      return { note: `${base.name} with a lower-case "png"`, images: [out] };
    }
    default: {
      // What an FTP text-mode transfer does to a PNG: CR LF becomes LF (the signature exists to catch it).
      const out: number[] = [];
      for (let i = 0; i < base.bytes.length; i++) if (!(base.bytes[i] === 0x0d && base.bytes[i + 1] === 0x0a)) out.push(base.bytes[i]!);
      return { note: `${base.name} with CR LF turned to LF`, images: [Uint8Array.from(out)] };
    }
  }
}

/** A PNG header (valid CRC) declaring `width` × `height`, with a few bytes of image data. */
function pngClaiming(r: FuzzRandom, width: number, height: number, bitDepth = 8, colorType = 6): Uint8Array {
  return assemblePng(ihdr(width, height, bitDepth, colorType), [chunk('IDAT', deflateSync(r.bytes(r.int(0, 64))))]);
}

const UINT32_MAX = 0xffff_ffff;

/** Headers that declare more pixels than the server decodes, alone or together, or a big size with no data behind it. */
export function hugeDimensions(r: FuzzRandom): ImageCase {
  switch (r.int(0, 5)) {
    case 0:
    case 1: {
      // Log-uniform width; the height makes the area pass the limit.
      const width = Math.max(1, Math.floor(2 ** (r.next() * 31)));
      const height = Math.min(0x7fff_ffff, Math.ceil((MAX_DECODE_PIXELS + 1) / width) + r.int(0, 1000));
      return { note: `PNG claiming ${width} × ${height}`, images: [pngClaiming(r, width, height)] };
    }
    case 2: {
      const [width, height] = r.pick([[UINT32_MAX, UINT32_MAX], [2 ** 31, 2 ** 31], [1, MAX_DECODE_PIXELS + 1], [MAX_DECODE_PIXELS + 1, 1], [65_535, 65_535], [6_325, 6_325], [0x7fff_ffff, 1]] as const);
      return { note: `PNG claiming ${width} × ${height}`, images: [pngClaiming(r, width, height)] };
    }
    case 3: {
      // Each under the limit, together over it.
      const side = 4_500;
      return { note: `two PNGs claiming ${side} × ${side} each`, images: [pngClaiming(r, side, side), pngClaiming(r, side, side)] };
    }
    default: {
      // Within the limit but with (almost) no data: refused once inflating comes up short.
      const width = r.int(1_000, 6_000);
      const height = r.int(1_000, Math.floor(MAX_DECODE_PIXELS / width));
      const deep = r.chance(0.3);
      return { note: `PNG claiming ${width} × ${height}${deep ? ' at 16 bits' : ''} with no data`, images: [pngClaiming(r, width, height, deep ? 16 : 8, 6)] };
    }
  }
}

/** Zero width or height, in PNG, GIF and JPEG headers. */
export function zeroSize(r: FuzzRandom, kit: ImageKit): ImageCase {
  switch (r.int(0, 3)) {
    case 0: {
      const [width, height] = r.pick([[0, 0], [0, r.int(1, 100)], [r.int(1, 100), 0]] as const);
      return { note: `PNG claiming ${width} × ${height}`, images: [pngClaiming(r, width, height)] };
    }
    case 1: {
      const out = Uint8Array.from(kit.foreign.gif);
      const view = new DataView(out.buffer);
      const zeroWidth = r.chance(0.5);
      view.setUint16(zeroWidth ? 6 : 8, 0, true);
      return { note: `GIF with zero ${zeroWidth ? 'width' : 'height'}`, images: [out] };
    }
    case 2: {
      const out = Uint8Array.from(kit.foreign.jpeg);
      const sof = jpegFrameOffset(out);
      if (sof === null) throw new Error('the test JPEG has no frame header');
      const zeroWidth = r.chance(0.5);
      new DataView(out.buffer).setUint16(sof + (zeroWidth ? 7 : 5), 0);
      return { note: `JPEG with zero ${zeroWidth ? 'width' : 'height'}`, images: [out] };
    }
    default: {
      const out = Uint8Array.from(kit.foreign.bmp);
      new DataView(out.buffer).setInt32(r.chance(0.5) ? 18 : 22, 0, true);
      return { note: 'BMP with a zero dimension', images: [out] };
    }
  }
}

/** Damage to the compressed image data: flipped bytes (with and without a fixed CRC), bad filters, too much or too little data. */
export function corruptImageData(r: FuzzRandom, kit: ImageKit): ImageCase {
  const base = basePng(r, kit, 0.15);
  const chunks = pngChunks(base.bytes);
  const idatIndex = chunks.findIndex((c) => c.type === 'IDAT');
  const idat = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
  const others = chunks.filter((c) => c.type !== 'IDAT');
  // Rebuilds the file with `data` in place of the image data, split over `parts` IDAT chunks.
  const withData = (data: Uint8Array, parts = 1): Uint8Array => {
    const size = Math.ceil(data.length / parts);
    const idats = Array.from({ length: parts }, (_, i) => ({ type: 'IDAT', data: data.subarray(i * size, (i + 1) * size) }));
    return pngOf([...others.slice(0, idatIndex), ...idats, ...others.slice(idatIndex)]);
  };
  const variant = r.int(0, base.spec ? 8 : 3);
  switch (variant) {
    case 0: {
      const count = r.int(1, 8);
      return { note: `${base.name}: ${count} image-data bytes flipped, CRC fixed`, images: [withData(flipBytes(r, idat, count))] };
    }
    case 1: {
      // Flip inside the first IDAT chunk of the original file: its CRC no longer matches.
      const dataStart = Buffer.from(base.bytes).indexOf('IDAT') + 4;
      const count = r.int(1, 4);
      return { note: `${base.name}: ${count} image-data bytes flipped, CRC stale`, images: [flipBytes(r, base.bytes, count, dataStart, dataStart + chunks[idatIndex]!.data.length)] };
    }
    case 2:
      return { note: `${base.name}: image data is random bytes`, images: [withData(r.bytes(r.int(1, 512)))] };
    case 3: {
      // The middle third of the stream lost, every chunk's CRC still right.
      const third = Math.floor(idat.length / 3);
      return { note: `${base.name}: middle third of the image data dropped`, images: [withData(Buffer.concat([idat.subarray(0, third), idat.subarray(2 * third)]))] };
    }
    default: {
      const spec = base.spec!;
      const raw = filteredScanlines(spec);
      switch (variant) {
        case 4: {
          const damaged = Uint8Array.from(raw);
          const rowBytes = spec.interlace ? 0 : raw.length / spec.height;
          const count = r.int(1, 4);
          for (let i = 0; i < count; i++) {
            // A filter-type byte (the first of a row) set to a type PNG does not define, or any byte when interlaced.
            const at = rowBytes > 0 ? r.int(0, spec.height - 1) * rowBytes : r.int(0, raw.length - 1);
            damaged[at] = r.int(5, 255);
          }
          return { note: `${base.name}: ${count} undefined filter types`, images: [withData(deflateSync(damaged))] };
        }
        case 5: {
          const factor = r.int(2, 64);
          return { note: `${base.name}: ${factor}× the image data it declares (a small zlib bomb)`, images: [withData(deflateSync(new Uint8Array(raw.length * factor)))] };
        }
        case 6: {
          const keep = r.int(0, raw.length - 1);
          return { note: `${base.name}: ${keep} of ${raw.length} scanline bytes`, images: [withData(deflateSync(raw.subarray(0, keep)))] };
        }
        case 7: {
          const stream = deflateSync(raw);
          const cut = r.int(1, 6);
          return { note: `${base.name}: zlib stream without its last ${cut} bytes, split in 3`, images: [withData(stream.subarray(0, stream.length - cut), 3)] };
        }
        default: {
          const chunkType = r.pick(['ABCD', 'IHDR', 'PLTE', 'IEND']);
          const extra = { type: chunkType, data: chunkType === 'PLTE' ? r.bytes(3 * r.int(0, 300)) : r.bytes(chunkType === 'IHDR' ? 13 : r.int(0, 20)) };
          const at = r.int(0, chunks.length);
          return { note: `${base.name}: a ${chunkType} chunk inserted at ${at}`, images: [pngOf([...chunks.slice(0, at), extra, ...chunks.slice(at)])] };
        }
      }
    }
  }
}

/** Where a JPEG's start-of-frame marker is (its height follows at +5, width at +7), or null. */
function jpegFrameOffset(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let pos = 2; pos + 4 <= bytes.length; ) {
    const marker = bytes[pos + 1]!;
    if (marker >= 0xc0 && marker <= 0xc3) return pos;
    if (marker === 0xda) return null;
    pos += 2 + view.getUint16(pos + 2);
  }
  return null;
}

/** Bytes of `bytes` that are header, before the image data: JPEG up to the end of the scan header, GIF its screen descriptor and colour table, BMP and TIFF their fixed headers. */
function headerLength(format: keyof ImageKit['foreign'], bytes: Uint8Array): number {
  switch (format) {
    case 'jpeg': {
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let pos = 2; pos + 4 <= bytes.length; ) {
        const length = view.getUint16(pos + 2);
        if (bytes[pos + 1] === 0xda) return pos + 2 + length;
        pos += 2 + length;
      }
      return 2;
    }
    case 'gif': {
      const packed = bytes[10]!;
      return 13 + ((packed & 0x80) !== 0 ? 3 * 2 ** ((packed & 7) + 1) : 0);
    }
    case 'bmp':
      return 54;
    default:
      return 8;
  }
}

/** A JPEG, GIF, BMP or TIFF with its header kept and garbage after it, or damaged, cut, or re-sized in the header. */
export function foreignFormatGarbage(r: FuzzRandom, kit: ImageKit): ImageCase {
  const format = r.pick(['jpeg', 'jpeg', 'jpeg', 'gif', 'gif', 'bmp', 'tiff'] as const);
  const base = kit.foreign[format];
  const header = headerLength(format, base);
  switch (r.int(0, 4)) {
    case 0: {
      const garbage = r.bytes(r.int(0, 4096));
      return { note: `${format} header (${header} bytes) + ${garbage.length} garbage bytes`, images: [Buffer.concat([base.subarray(0, header), garbage])] };
    }
    case 1: {
      const magic = format === 'jpeg' ? 3 : format === 'bmp' ? 2 : 4;
      const garbage = r.bytes(r.int(0, 2048));
      return { note: `${format} magic + ${garbage.length} garbage bytes`, images: [Buffer.concat([base.subarray(0, magic), garbage])] };
    }
    case 2: {
      const count = r.int(1, 16);
      return { note: `${format} with ${count} bytes flipped after its header`, images: [flipBytes(r, base, count, header)] };
    }
    case 3: {
      const length = r.int(1, base.length - 1);
      return { note: `${format} cut to ${length} of ${base.length} bytes`, images: [base.subarray(0, length)] };
    }
    default: {
      // The header re-sized: small, or past the limit (refused from the header). Never a mid-size
      // claim: that makes the JPEG decoder allocate for the whole frame (see the report).
      const large = r.chance(0.3);
      const width = large ? r.int(6_400, 65_535) : r.int(1, 2_048);
      const height = large ? r.int(Math.ceil((MAX_DECODE_PIXELS + 1) / width), 65_535) : r.int(1, 2_048);
      const out = Uint8Array.from(base);
      const view = new DataView(out.buffer);
      if (format === 'jpeg') {
        const sof = jpegFrameOffset(out)!;
        view.setUint16(sof + 5, height);
        view.setUint16(sof + 7, width);
      } else if (format === 'gif') {
        view.setUint16(6, width, true);
        view.setUint16(8, height, true);
      } else if (format === 'bmp') {
        view.setInt32(18, width, true);
        view.setInt32(22, height, true);
      } else {
        out.set(r.bytes(8), 8);
      }
      return { note: `${format} header re-sized to ${width} × ${height}`, images: [out] };
    }
  }
}
