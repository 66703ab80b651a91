import { promisify } from 'node:util';
import { crc32, deflate } from 'node:zlib';
import type { RgbaImage } from '../../../core/cv/rgba-image.ts';

const deflateAsync = promisify(deflate);

/** PNG file signature (PNG spec §5.2). */
const SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Colour type 6 (truecolour with alpha), bit depth 8 (PNG spec §11.2.2). */
const RGBA8 = { bitDepth: 8, colorType: 6 } as const;
/** zlib level: 6 is zlib's own default, the usual size/speed balance. */
const DEFLATE_LEVEL = 6;

/**
 * 8-bit RGBA → a PNG file, with node:zlib's deflate run off the event loop (a pure-JS encoder
 * takes hundreds of milliseconds of main-thread time per megapixel, which a busy server cannot
 * spare). Every scanline uses filter 0 (None): screenshots are mostly flat runs that deflate well
 * unfiltered, and the byte cap, not the last percent of size, is what matters here.
 */
export async function encodeRgbaPng(image: RgbaImage): Promise<Buffer> {
  const { width, height, data } = image;
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    raw.set(data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = RGBA8.bitDepth;
  ihdr[9] = RGBA8.colorType;
  // Compression 0, filter method 0, no interlace: the bytes are already 0.
  const idat = await deflateAsync(raw, { level: DEFLATE_LEVEL });
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, payload: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(payload.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(payload, crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, payload, crc]);
}
