/**
 * Decoded pixels: 8-bit RGBA, row-major, no padding, `data.length === width * height * 4`.
 * Decoding happens at the edge (jimp or the browser in ui/, zlib in server/); core/ only reads bytes.
 */
export interface RgbaImage {
  readonly data: Uint8Array | Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}
