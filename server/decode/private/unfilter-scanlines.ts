import { DecodeError } from '../decode-error.ts';

/** PNG filter types (spec §9.2): the first byte of every scanline. */
const NONE = 0;
const SUB = 1;
const UP = 2;
const AVERAGE = 3;
const PAETH = 4;

/**
 * Reverses PNG scanline filtering in place (spec §9). `raw` holds `rows` scanlines of
 * `1 + rowBytes` bytes from `offset`, each led by its filter-type byte; `bpp` is the
 * filter unit, bytes per complete pixel rounded up to 1 (§9.2). The filter bytes are left
 * as they are; the bytes after them become the unfiltered samples.
 * Throws `DecodeError('CORRUPT')` on an unknown filter type.
 */
export function unfilterScanlines(raw: Uint8Array, offset: number, rowBytes: number, rows: number, bpp: number): void {
  const stride = rowBytes + 1;
  for (let y = 0; y < rows; y++) {
    const rowStart = offset + y * stride;
    const line = rowStart + 1;
    const end = line + rowBytes;
    const filter = raw[rowStart];
    // The row above is `i - stride`; on the first row it is all zeros (§9.2), which the cases below spell out.
    const first = y === 0;
    switch (filter) {
      case NONE:
        break;
      case SUB:
        for (let i = line + bpp; i < end; i++) raw[i] = (raw[i]! + raw[i - bpp]!) & 0xff;
        break;
      case UP:
        if (!first) for (let i = line; i < end; i++) raw[i] = (raw[i]! + raw[i - stride]!) & 0xff;
        break;
      case AVERAGE:
        if (first) {
          for (let i = line + bpp; i < end; i++) raw[i] = (raw[i]! + (raw[i - bpp]! >> 1)) & 0xff;
        } else {
          for (let i = line; i < line + bpp; i++) raw[i] = (raw[i]! + (raw[i - stride]! >> 1)) & 0xff;
          for (let i = line + bpp; i < end; i++) raw[i] = (raw[i]! + ((raw[i - bpp]! + raw[i - stride]!) >> 1)) & 0xff;
        }
        break;
      case PAETH:
        if (first) {
          // With b = c = 0 the predictor always picks a (the byte to the left).
          for (let i = line + bpp; i < end; i++) raw[i] = (raw[i]! + raw[i - bpp]!) & 0xff;
        } else {
          for (let i = line; i < line + bpp; i++) raw[i] = (raw[i]! + raw[i - stride]!) & 0xff;
          unpaeth(raw, line + bpp, end, bpp, stride);
        }
        break;
      default:
        throw new DecodeError(
          'CORRUPT',
          `The PNG's image data is damaged (row ${y} uses filter type ${filter ?? 'none'}; only 0–4 exist). Export the image again and re-upload it.`,
        );
    }
  }
}

/** Paeth predictor (spec §9.4) over [from, end), for bytes that have a left neighbour and a row above. */
function unpaeth(raw: Uint8Array, from: number, end: number, bpp: number, stride: number): void {
  for (let i = from; i < end; i++) {
    const a = raw[i - bpp]!;
    const b = raw[i - stride]!;
    const c = raw[i - stride - bpp]!;
    const p = a + b - c;
    const pa = p > a ? p - a : a - p;
    const pb = p > b ? p - b : b - p;
    const pc = p > c ? p - c : c - p;
    const predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    raw[i] = (raw[i]! + predictor) & 0xff;
  }
}
