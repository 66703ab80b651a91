/**
 * A complete 1×1 PNG (8-bit RGBA, one opaque white pixel; IHDR, zlib IDAT, IEND with valid CRCs):
 * the default export of a fake node, so a harness that decodes it gets a real image.
 */
export const ONE_PIXEL_PNG: Uint8Array = Uint8Array.from([
  137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 31, 21, 196, 137, 0, 0,
  0, 13, 73, 68, 65, 84, 120, 156, 99, 248, 255, 255, 255, 127, 0, 9, 251, 3, 253, 42, 134, 227, 138, 0, 0, 0, 0, 73, 69,
  78, 68, 174, 66, 96, 130,
]);
