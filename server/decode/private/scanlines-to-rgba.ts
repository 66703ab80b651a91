import { DecodeError } from '../decode-error.ts';
import type { PngColorType } from './read-png-chunks.ts';

/** How the unfiltered samples are laid out, and the PLTE/tRNS data that colours them. */
export interface PngPixelFormat {
  readonly colorType: PngColorType;
  readonly bitDepth: number;
  /** PLTE as RGB triples (indexed images). */
  readonly palette: Uint8Array;
  /** Raw tRNS payload, or null. */
  readonly transparency: Uint8Array | null;
}

/** Samples per pixel for each colour type (spec §11.2.2). */
export const CHANNELS: Readonly<Record<PngColorType, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * Converts unfiltered scanlines (each led by its filter byte, `1 + rowBytes` bytes from
 * `offset`) to 8-bit RGBA in `out` (`width * height * 4` bytes from 0).
 * Sub-byte and 16-bit samples are rescaled to 0–255 as round(v × 255 / (2^depth − 1)),
 * the rule jimp's PNG decoder (pngjs) uses, so both decoders give identical bytes.
 * tRNS is compared against the raw samples before rescaling (spec §11.3.2.1).
 * Throws `DecodeError('CORRUPT')` for a palette index past the end of PLTE.
 */
export function scanlinesToRgba(
  raw: Uint8Array,
  offset: number,
  rowBytes: number,
  width: number,
  height: number,
  format: PngPixelFormat,
  out: Uint8Array,
): void {
  const stride = rowBytes + 1;
  const { colorType, bitDepth } = format;
  if (colorType === 3) {
    indexedToRgba(raw, offset, stride, width, height, bitDepth, format, out);
  } else if (bitDepth === 8) {
    eightBitToRgba(raw, offset, stride, width, height, colorType, format.transparency, out);
  } else {
    otherDepthToRgba(raw, offset, stride, width, height, colorType, bitDepth, format.transparency, out);
  }
}

function eightBitToRgba(
  raw: Uint8Array,
  offset: number,
  stride: number,
  width: number,
  height: number,
  colorType: Exclude<PngColorType, 3>,
  transparency: Uint8Array | null,
  out: Uint8Array,
): void {
  // tRNS for greyscale/truecolour holds 16-bit samples; at depth 8 only the low byte can match.
  const trns = colorType === 0 && transparency?.length === 2 ? [transparency[1]!]
    : colorType === 2 && transparency?.length === 6 ? [transparency[1]!, transparency[3]!, transparency[5]!]
    : null;
  let o = 0;
  for (let y = 0; y < height; y++) {
    let i = offset + y * stride + 1;
    switch (colorType) {
      case 6:
        out.set(raw.subarray(i, i + width * 4), o);
        o += width * 4;
        break;
      case 2:
        if (trns) {
          const [tr, tg, tb] = trns as [number, number, number];
          for (let x = 0; x < width; x++, i += 3, o += 4) {
            const r = raw[i]!, g = raw[i + 1]!, b = raw[i + 2]!;
            out[o] = r; out[o + 1] = g; out[o + 2] = b;
            out[o + 3] = r === tr && g === tg && b === tb ? 0 : 255;
          }
        } else {
          for (let x = 0; x < width; x++, i += 3, o += 4) {
            out[o] = raw[i]!; out[o + 1] = raw[i + 1]!; out[o + 2] = raw[i + 2]!; out[o + 3] = 255;
          }
        }
        break;
      case 0: {
        const transparentGrey = trns ? trns[0]! : -1;
        for (let x = 0; x < width; x++, i++, o += 4) {
          const v = raw[i]!;
          out[o] = v; out[o + 1] = v; out[o + 2] = v; out[o + 3] = v === transparentGrey ? 0 : 255;
        }
        break;
      }
      case 4:
        for (let x = 0; x < width; x++, i += 2, o += 4) {
          const v = raw[i]!;
          out[o] = v; out[o + 1] = v; out[o + 2] = v; out[o + 3] = raw[i + 1]!;
        }
        break;
    }
  }
}

/** 16-bit samples of any non-indexed type, and 1/2/4-bit greyscale. */
function otherDepthToRgba(
  raw: Uint8Array,
  offset: number,
  stride: number,
  width: number,
  height: number,
  colorType: Exclude<PngColorType, 3>,
  bitDepth: number,
  transparency: Uint8Array | null,
  out: Uint8Array,
): void {
  const channels = CHANNELS[colorType];
  const maxSample = (1 << bitDepth) - 1;
  const trnsView = transparency ? new DataView(transparency.buffer, transparency.byteOffset, transparency.byteLength) : null;
  const transparentGrey = colorType === 0 && trnsView?.byteLength === 2 ? trnsView.getUint16(0) : -1;
  const trnsRgb = colorType === 2 && trnsView?.byteLength === 6 ? [trnsView.getUint16(0), trnsView.getUint16(2), trnsView.getUint16(4)] : null;
  const samples = new Array<number>(channels);
  let o = 0;
  for (let y = 0; y < height; y++) {
    const line = offset + y * stride + 1;
    for (let x = 0; x < width; x++, o += 4) {
      for (let c = 0; c < channels; c++) samples[c] = readSample(raw, line, x * channels + c, bitDepth);
      const s0 = samples[0]!;
      let transparent = false;
      if (colorType === 0 || colorType === 4) {
        const v = scale(s0, maxSample);
        out[o] = v; out[o + 1] = v; out[o + 2] = v;
        out[o + 3] = colorType === 4 ? scale(samples[1]!, maxSample) : 255;
        transparent = s0 === transparentGrey;
      } else {
        const s1 = samples[1]!, s2 = samples[2]!;
        out[o] = scale(s0, maxSample); out[o + 1] = scale(s1, maxSample); out[o + 2] = scale(s2, maxSample);
        out[o + 3] = colorType === 6 ? scale(samples[3]!, maxSample) : 255;
        transparent = trnsRgb !== null && s0 === trnsRgb[0] && s1 === trnsRgb[1] && s2 === trnsRgb[2];
      }
      if (transparent) out[o + 3] = 0;
    }
  }
}

function indexedToRgba(
  raw: Uint8Array,
  offset: number,
  stride: number,
  width: number,
  height: number,
  bitDepth: number,
  format: PngPixelFormat,
  out: Uint8Array,
): void {
  const entries = format.palette.length / 3;
  const table = new Uint8Array(256 * 4);
  for (let p = 0; p < entries; p++) {
    table[p * 4] = format.palette[p * 3]!;
    table[p * 4 + 1] = format.palette[p * 3 + 1]!;
    table[p * 4 + 2] = format.palette[p * 3 + 2]!;
    // tRNS gives alpha for the first entries; the rest are opaque (§11.3.2.1). Extra tRNS bytes are ignored.
    table[p * 4 + 3] = format.transparency && p < format.transparency.length ? format.transparency[p]! : 255;
  }
  let o = 0;
  for (let y = 0; y < height; y++) {
    const line = offset + y * stride + 1;
    for (let x = 0; x < width; x++, o += 4) {
      const index = bitDepth === 8 ? raw[line + x]! : readSample(raw, line, x, bitDepth);
      if (index >= entries) {
        throw new DecodeError(
          'CORRUPT',
          `The PNG uses colour ${index} of a ${entries}-colour palette. Export the image again and re-upload it.`,
        );
      }
      const t = index * 4;
      out[o] = table[t]!; out[o + 1] = table[t + 1]!; out[o + 2] = table[t + 2]!; out[o + 3] = table[t + 3]!;
    }
  }
}

/** The `n`-th sample of a scanline at `bitDepth` bits a sample, most significant bits first (§7.2). */
function readSample(raw: Uint8Array, line: number, n: number, bitDepth: number): number {
  switch (bitDepth) {
    case 16:
      return (raw[line + 2 * n]! << 8) | raw[line + 2 * n + 1]!;
    case 8:
      return raw[line + n]!;
    default: {
      const bit = n * bitDepth;
      const shift = 8 - bitDepth - (bit & 7);
      return (raw[line + (bit >> 3)]! >> shift) & ((1 << bitDepth) - 1);
    }
  }
}

/** v × 255 / max rounded half up: pngjs's expression, kept verbatim so the two decoders agree to the bit. */
function scale(v: number, max: number): number {
  return Math.floor((v * 255) / max + 0.5);
}
