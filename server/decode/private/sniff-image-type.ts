/** Formats `decodeImage` accepts: PNG natively, the rest through jimp's default formats. */
export type ImageType = 'png' | 'jpeg' | 'gif' | 'bmp' | 'tiff';

/** Human names for messages. */
export const IMAGE_TYPE_NAMES: Readonly<Record<ImageType, string>> = {
  png: 'PNG',
  jpeg: 'JPEG',
  gif: 'GIF',
  bmp: 'BMP',
  tiff: 'TIFF',
};

/** Leading bytes of each format (the "magic numbers" of their specs). */
const SIGNATURES: readonly { readonly type: ImageType; readonly bytes: readonly number[] }[] = [
  { type: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'gif', bytes: [0x47, 0x49, 0x46, 0x38] }, // "GIF8" (GIF87a / GIF89a)
  { type: 'bmp', bytes: [0x42, 0x4d] }, // "BM"
  { type: 'tiff', bytes: [0x49, 0x49, 0x2a, 0x00] }, // "II*\0", little-endian
  { type: 'tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] }, // "MM\0*", big-endian
];

/** The format the bytes announce, from their signature; null when none matches. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  for (const { type, bytes: signature } of SIGNATURES) {
    if (bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b)) return type;
  }
  return null;
}
