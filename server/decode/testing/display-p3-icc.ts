import { deflateSync } from 'node:zlib';

/** s15Fixed16Number (ICC.1 §4.6), as the unsigned bits of its two's complement. */
const fixed = (v: number): number => Math.round(v * 65536) >>> 0;

/** Big-endian 32-bit words. */
export function u32(...values: number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setUint32(i * 4, v));
  return out;
}

/**
 * A matrix/TRC ICC profile written byte by byte (ICC.1:2022 §7), with the D50-adapted primaries
 * and parametric curve of Apple's "Display P3" profile as that profile publishes them.
 */
export function displayP3IccProfile(): Uint8Array {
  const xyzTag = (x: number, y: number, z: number): Uint8Array => Uint8Array.from([...Buffer.from('XYZ '), 0, 0, 0, 0, ...u32(fixed(x), fixed(y), fixed(z))]);
  // para type 3: Y = (aX + b)^g for X >= d, else cX — the sRGB curve.
  const para = Uint8Array.from([...Buffer.from('para'), 0, 0, 0, 0, 0, 3, 0, 0, ...u32(fixed(2.4), fixed(1 / 1.055), fixed(0.055 / 1.055), fixed(1 / 12.92), fixed(0.04045))]);
  const tags: [string, Uint8Array][] = [
    ['rXYZ', xyzTag(0.515102, 0.241182, -0.001053)],
    ['gXYZ', xyzTag(0.291965, 0.692236, 0.041885)],
    ['bXYZ', xyzTag(0.157103, 0.066582, 0.784092)],
    ['rTRC', para],
    ['gTRC', para],
    ['bTRC', para],
  ];
  const tableBytes = 4 + tags.length * 12;
  let offset = 128 + tableBytes;
  const entries: number[] = [];
  const bodies: Uint8Array[] = [];
  for (const [name, body] of tags) {
    entries.push(...Buffer.from(name), ...u32(offset, body.length));
    bodies.push(body);
    offset += body.length + ((4 - (body.length % 4)) % 4);
    if (body.length % 4) bodies.push(new Uint8Array((4 - (body.length % 4)) % 4));
  }
  const header = new Uint8Array(128);
  header.set(u32(offset), 0);
  header.set(Buffer.from('mntr'), 12);
  header.set(Buffer.from('RGB '), 16);
  header.set(Buffer.from('XYZ '), 20);
  header.set(Buffer.from('acsp'), 36);
  // Version 4.3, rendering intent perceptual, and the D50 illuminant of the connection space (ICC.1 §7.2).
  header.set([0x04, 0x30, 0, 0], 8);
  header.set(u32(fixed(0.9642), fixed(1), fixed(0.8249)), 68);
  return Uint8Array.from([...header, ...u32(tags.length), ...entries, ...bodies.flatMap((b) => [...b])]);
}

/** An iCCP chunk (name, NUL, method 0, zlib data) holding `profile`. */
export function iccpChunk(profile: Uint8Array): { type: string; data: Uint8Array } {
  return { type: 'iCCP', data: Uint8Array.from([...Buffer.from('Display P3'), 0, 0, ...deflateSync(profile)]) };
}

