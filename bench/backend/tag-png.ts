import { chunk } from '../../server/decode/testing/encode-png.ts';

/** Signature (8) + IHDR's length, type, 13 data bytes and CRC (25): where the first chunk after IHDR goes. */
const AFTER_IHDR = 33;
const IHDR_TYPE_AT = 12;

/**
 * The same PNG with a `tEXt` chunk (`Comment`, `tag`) right after IHDR: other bytes, so another
 * SHA-256 and no cache hit on the server, but the same pixels and the same decoding work (decoders
 * skip ancillary chunks). `tag` is Latin-1 text, as tEXt requires (PNG spec §11.3.4.3).
 * Throws if `png` does not start with a signature and IHDR.
 */
export function tagPng(png: Uint8Array, tag: string): Uint8Array {
  const type = String.fromCharCode(...png.subarray(IHDR_TYPE_AT, IHDR_TYPE_AT + 4));
  if (type !== 'IHDR') throw new Error('tagPng: not a PNG with IHDR first');
  const text = Uint8Array.from(`Comment\0${tag}`, (c) => c.charCodeAt(0) & 0xff);
  const extra = chunk('tEXt', text);
  const out = new Uint8Array(png.length + extra.length);
  out.set(png.subarray(0, AFTER_IHDR), 0);
  out.set(extra, AFTER_IHDR);
  out.set(png.subarray(AFTER_IHDR), AFTER_IHDR + extra.length);
  return out;
}
