// A bare page (no iframe, no plugin) that runs ui/decode-png.ts in the browser, so the test can
// compare the native decoder with jimp's browser build on the same bytes.
import { decodePng } from '../../../ui/decode-png.ts';
import { imageToPng } from '../../../ui/host/browser/image-to-png.ts';
import type { DecodeProbe } from './harness-api.ts';

/** FNV-1a, 32-bit (Fowler–Noll–Vo): a cheap fingerprint, so 5 MB of pixels need not cross to Node. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

window.decodeFixture = async (useJimp: boolean): Promise<DecodeProbe> => {
  // Without createImageBitmap the native path is unavailable and decodePng falls back to jimp.
  if (useJimp) Object.defineProperty(window, 'createImageBitmap', { value: undefined, configurable: true });
  const png = new Uint8Array(await (await fetch('/fixture.png')).arrayBuffer());
  const { image, decoder } = await decodePng(png, 'fixture');
  let hash = FNV_OFFSET;
  let white = 0;
  const { data } = image;
  for (let i = 0; i < data.length; i++) hash = Math.imul(hash ^ data[i]!, FNV_PRIME) >>> 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] === 255 && data[i + 1] === 255 && data[i + 2] === 255) white++;
  return { decoder, width: image.width, height: image.height, fnv1a: hash, whitePixels: white };
};

window.decodeFirstPixel = async (url: string, viaPlayground: boolean): Promise<number[]> => {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  // The playground's path: imageToPng (which re-encodes an image wider than MAX_EXPORT_SIDE), then the same decoder.
  const png = viaPlayground ? await imageToPng(new Blob([bytes], { type: 'image/png' }), url) : bytes;
  const { image } = await decodePng(png, url);
  return [...image.data.subarray(0, 4)];
};
