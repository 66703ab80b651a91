import { MAX_EXPORT_SIDE } from '../../../core/messages/plugin-messages.ts';
import { ChorusError } from '../../chorus-error.ts';

/** The backend's limit on one image (docs/protocol.md): a larger file could not be refined anyway. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/** The 8-byte PNG signature (PNG spec §5.2). */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
/** Signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4). */
const IHDR_END = 24;

/**
 * An image file as the plugin would have exported it from Figma: PNG bytes, at most
 * MAX_EXPORT_SIDE px a side. A PNG that already fits goes through untouched, so the pixels are
 * exactly the file's. Anything else the browser decodes (JPEG, WebP, GIF's first frame, a larger
 * PNG) is converted to sRGB, scaled down to fit, and encoded as PNG.
 * Rejects with ChorusError DECODE_FAILED, naming `name`, when the file is too large or not an
 * image the browser can read.
 */
export async function imageToPng(file: Blob, name: string): Promise<Uint8Array<ArrayBuffer>> {
  if (file.size > MAX_IMAGE_BYTES) {
    throw new ChorusError('DECODE_FAILED', `“${name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; Chorus takes images up to ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const size = pngSize(bytes);
  if (size && size.width >= 1 && size.height >= 1 && size.width <= MAX_EXPORT_SIDE && size.height <= MAX_EXPORT_SIDE) return bytes;

  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes]));
  } catch (error) {
    throw new ChorusError('DECODE_FAILED', `“${name}” is not an image this browser can read. Use a PNG, JPEG, WebP or GIF.`, { cause: error });
  }
  try {
    const scale = Math.min(1, MAX_EXPORT_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!png) throw new Error('the canvas gave no PNG');
    return new Uint8Array(await png.arrayBuffer());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ChorusError('DECODE_FAILED', `Chorus could not convert “${name}” to PNG (${reason}). Try saving it as a PNG first.`, { cause: error });
  } finally {
    bitmap.close();
  }
}

/** Width and height from a PNG's IHDR, or null when the bytes are not a PNG. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < IHDR_END || !PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
