import { Jimp } from 'jimp';
import { MAX_EXPORT_SIDE } from '../core/messages/plugin-messages.ts';
import type { RgbaImage } from '../core/cv/rgba-image.ts';
import { ChorusError } from './chorus-error.ts';

/** Which decoder produced the pixels: the browser's own, or jimp's pure-JS PNG decoder as the fallback. */
export type PngDecoder = 'native' | 'jimp';

export interface DecodedPng {
  readonly image: RgbaImage;
  readonly decoder: PngDecoder;
}

/** The 8-byte PNG signature (PNG spec §5.2). */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
/** Signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4): where the size can be read. */
const IHDR_END = 24;

/**
 * Decodes PNG bytes exported by Figma into 8-bit RGBA, held in a jimp bitmap.
 * First the browser's native decoder (fast, off the JS heap), colour-managed into sRGB (what
 * Chorus measures in; an untagged or sRGB image is unchanged); if that is unavailable or fails,
 * jimp's own decoder, which reads the stored numbers as sRGB. `label` (the frame's name) goes into the error a designer reads.
 * Throws ChorusError DECODE_FAILED when neither can read the bytes or the image is not a sane size.
 */
export async function decodePng(png: Uint8Array, label: string): Promise<DecodedPng> {
  checkHeader(png, label);
  let nativeFailure: unknown;
  try {
    const raw = await decodeNatively(png);
    return { image: toRgbaImage(Jimp.fromBitmap(raw).bitmap), decoder: 'native' };
  } catch (error) {
    nativeFailure = error;
  }
  try {
    const jimp = await Jimp.fromBuffer(toArrayBuffer(png));
    return { image: toRgbaImage(jimp.bitmap), decoder: 'jimp' };
  } catch (error) {
    throw new ChorusError(
      'DECODE_FAILED',
      `Chorus could not read the image Figma exported for “${label}”. Select the frame again and retry; if it keeps failing, flatten or rasterise unusual layers in it.`,
      { cause: new AggregateError([nativeFailure, error], 'native and jimp decoders both failed') },
    );
  }
}

/** Rejects non-PNG bytes and oversized images before any decoder allocates for them. */
function checkHeader(png: Uint8Array, label: string): void {
  const isPng = png.length >= IHDR_END && PNG_SIGNATURE.every((byte, i) => png[i] === byte);
  if (!isPng) {
    throw new ChorusError(
      'DECODE_FAILED',
      `The image Figma exported for “${label}” is not a PNG Chorus can read. Select the frame again and retry.`,
    );
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width < 1 || height < 1 || width > MAX_EXPORT_SIDE || height > MAX_EXPORT_SIDE) {
    throw new ChorusError(
      'DECODE_FAILED',
      `“${label}” arrived as a ${width} × ${height} px image; Chorus reads up to ${MAX_EXPORT_SIDE} px a side. Select a smaller frame, or one frame at a time.`,
    );
  }
}

interface RawBitmap {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

async function decodeNatively(png: Uint8Array): Promise<RawBitmap> {
  if (typeof createImageBitmap !== 'function') throw new Error('createImageBitmap is not available');
  // 'default': the browser's colour management converts a tagged image (iCCP, cICP, gAMA…) into the
  // sRGB canvas, so a Display P3 screenshot is measured as the sRGB colours it shows; Figma's own
  // exports (colorProfile 'SRGB') and untagged images are sRGB already and come back unchanged.
  const bitmap = await createImageBitmap(new Blob([png.slice()], { type: 'image/png' }), {
    colorSpaceConversion: 'default',
    premultiplyAlpha: 'none',
  });
  try {
    const { width, height } = bitmap;
    const context = create2dContext(width, height);
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, width, height, { colorSpace: 'srgb' });
    if (data.length !== width * height * 4) throw new Error(`canvas returned ${data.length} bytes for ${width}×${height}`);
    return { data, width, height };
  } finally {
    bitmap.close();
  }
}

type Context2d = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

function create2dContext(width: number, height: number): Context2d {
  const settings: CanvasRenderingContext2DSettings = { colorSpace: 'srgb', willReadFrequently: true };
  const context =
    typeof OffscreenCanvas === 'function'
      ? new OffscreenCanvas(width, height).getContext('2d', settings)
      : Object.assign(document.createElement('canvas'), { width, height }).getContext('2d', settings);
  if (!context) throw new Error('no 2D canvas context');
  return context;
}

/** jimp's bitmap as core's RgbaImage, sharing its bytes (jimp keeps RGBA, row-major, unpadded). */
function toRgbaImage(bitmap: { readonly data: unknown; readonly width: number; readonly height: number }): RgbaImage {
  const { data, width, height } = bitmap;
  if (!(data instanceof Uint8Array) || data.length !== width * height * 4) {
    throw new Error(`jimp bitmap is not ${width}×${height} RGBA`);
  }
  return { data, width, height };
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}
