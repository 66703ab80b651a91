import { readImageSize } from './private/read-image-size.ts';
import { sniffImageType } from './private/sniff-image-type.ts';

/** PNG signature (8 bytes) + IHDR length and type (8 bytes): width and height follow, big-endian (PNG §11.2.2). */
const PNG_WIDTH_OFFSET = 16;

/**
 * The size an image's header declares, read without decoding, or null when the header says
 * nothing readable (not an image, a TIFF, a damaged header): the decoder's own checks then apply.
 * Lets the server refuse a decompression bomb, or wait for memory, before allocating anything.
 */
export function declaredImageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const type = sniffImageType(bytes);
  if (type === 'png') {
    if (bytes.length < PNG_WIDTH_OFFSET + 8) return null;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { width: view.getUint32(PNG_WIDTH_OFFSET), height: view.getUint32(PNG_WIDTH_OFFSET + 4) };
  }
  return type ? readImageSize(bytes, type) : null;
}
