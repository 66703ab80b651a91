import { MAX_EXPORT_SIDE } from '../../core/messages/plugin-messages.ts';

/** Where IHDR's width and height sit in a PNG: after the signature (8), the chunk length (4) and type (4). */
const IHDR_WIDTH_AT = 16;

/**
 * A PNG as the plugin would hand it to the UI: unchanged if its longer side is at most
 * MAX_EXPORT_SIDE, else scaled down to it (the plugin's export constraint) with the browser's
 * high-quality resampler and re-encoded as PNG. Runs in the page, untimed. Resolves with the bytes
 * and whether they were scaled.
 */
export async function fitToExportSide(png: Uint8Array): Promise<{ readonly png: Uint8Array; readonly scaled: boolean }> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const width = view.getUint32(IHDR_WIDTH_AT);
  const height = view.getUint32(IHDR_WIDTH_AT + 4);
  const scale = MAX_EXPORT_SIDE / Math.max(width, height);
  if (scale >= 1) return { png, scaled: false };
  const target = { width: Math.round(width * scale), height: Math.round(height * scale) };
  const bitmap = await createImageBitmap(new Blob([png.slice()], { type: 'image/png' }), {
    resizeWidth: target.width,
    resizeHeight: target.height,
    resizeQuality: 'high',
    colorSpaceConversion: 'none',
  });
  try {
    const canvas = new OffscreenCanvas(target.width, target.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas context');
    context.drawImage(bitmap, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    return { png: new Uint8Array(await blob.arrayBuffer()), scaled: true };
  } finally {
    bitmap.close();
  }
}
