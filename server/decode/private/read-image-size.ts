import type { ImageType } from './sniff-image-type.ts';

/**
 * The pixel size a JPEG, GIF or BMP declares in its header, read without decoding, so a
 * huge image can be refused before a decoder allocates for it. Null when the header cannot
 * be read here (TIFF, or a damaged header): the caller then checks after decoding.
 */
export function readImageSize(bytes: Uint8Array, type: ImageType): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (type) {
    case 'jpeg':
      return readJpegSize(bytes, view);
    case 'gif':
      // Logical screen width and height, little-endian, after the 6-byte signature (GIF89a §18).
      return bytes.length >= 10 ? { width: view.getUint16(6, true), height: view.getUint16(8, true) } : null;
    case 'bmp': {
      // BITMAPINFOHEADER and later: int32 width/height at 18/22 (height < 0 = top-down); OS/2 v1 (header size 12): uint16.
      if (bytes.length < 26) return null;
      if (view.getUint32(14, true) === 12) return { width: view.getUint16(18, true), height: view.getUint16(20, true) };
      return { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
    }
    default:
      return null;
  }
}

/** Walks the JPEG markers (ITU T.81 §B.1) to the first start-of-frame, which holds the size. */
function readJpegSize(bytes: Uint8Array, view: DataView): { width: number; height: number } | null {
  let pos = 2;
  while (pos + 4 <= bytes.length) {
    if (bytes[pos] !== 0xff) return null;
    const marker = bytes[pos + 1] ?? 0;
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2; // TEM and RSTn carry no length
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return null; // scan data or end of image before any frame header
    const length = view.getUint16(pos + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): P (1 byte), Y (2), X (2) after the length.
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (pos + 9 > bytes.length) return null;
      return { width: view.getUint16(pos + 7), height: view.getUint16(pos + 5) };
    }
    pos += 2 + length;
  }
  return null;
}
