/**
 * The largest image, in pixels (width × height), the server will decode: 40 megapixels.
 *
 * Why 40 MP: the biggest screens people capture are 6K displays (6016 × 3384 ≈ 20.4 MP)
 * and long full-page captures at 2x (2880 × 12 000 ≈ 34.6 MP); 40 MP takes both. Decoding
 * needs the RGBA output (4 bytes a pixel, 160 MB at the limit) plus the inflated scanlines
 * (up to 8 bytes a pixel for 16-bit RGBA), which is as much as one request may take on a
 * small (1 GB) server instance. Checked against the header before anything is allocated.
 */
export const MAX_DECODE_PIXELS = 40_000_000;
