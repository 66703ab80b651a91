import type { Matrix3, RgbSpace } from '../../../core/color/rgb-space.ts';

/** The ICC profile connection space's white, D50 as ICC.1:2022 §7.2.16 fixes it (s15Fixed16-rounded). */
const ICC_D50 = { x: 0.9642, y: 1, z: 0.8249 };
const HEADER_BYTES = 128;

/**
 * The RGB space an ICC profile describes, when it is a matrix/TRC RGB profile with an XYZ
 * connection space (the kind every display profile is: sRGB, Display P3, Adobe RGB): the rXYZ,
 * gXYZ, bXYZ columns (already adapted to D50) and the rTRC/gTRC/bTRC curves (`curv` or `para`).
 * Anything else (a LUT-based profile, CMYK, grey, a damaged file) gives null: the caller then
 * takes the pixels as sRGB, as browsers do with a profile they cannot use.
 */
export function parseIccProfile(bytes: Uint8Array): RgbSpace | null {
  if (bytes.length < HEADER_BYTES + 4) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signature = (offset: number): string => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (signature(16) !== 'RGB ' || signature(20) !== 'XYZ ' || signature(36) !== 'acsp') return null;
  const tags = new Map<string, { offset: number; size: number }>();
  const count = view.getUint32(HEADER_BYTES);
  for (let i = 0; i < count; i++) {
    const entry = HEADER_BYTES + 4 + i * 12;
    if (entry + 12 > bytes.length) return null;
    const offset = view.getUint32(entry + 4);
    const size = view.getUint32(entry + 8);
    if (offset + size > bytes.length) return null;
    tags.set(signature(entry), { offset, size });
  }
  const xyz = (name: string): [number, number, number] | null => {
    const tag = tags.get(name);
    if (!tag || tag.size < 20 || signature(tag.offset) !== 'XYZ ') return null;
    return [s15Fixed16(view, tag.offset + 8), s15Fixed16(view, tag.offset + 12), s15Fixed16(view, tag.offset + 16)];
  };
  const curve = (name: string): ((v: number) => number) | null => {
    const tag = tags.get(name);
    return tag ? readCurve(view, tag.offset, tag.size) : null;
  };
  const [r, g, b] = [xyz('rXYZ'), xyz('gXYZ'), xyz('bXYZ')];
  const [rc, gc, bc] = [curve('rTRC'), curve('gTRC'), curve('bTRC')];
  if (!r || !g || !b || !rc || !gc || !bc) return null;
  const toXyz: Matrix3 = [r[0], g[0], b[0], r[1], g[1], b[1], r[2], g[2], b[2]];
  return { curves: [rc, gc, bc], toXyz, white: ICC_D50 };
}

function s15Fixed16(view: DataView, offset: number): number {
  return view.getInt32(offset) / 65536;
}

/** A `curv` (identity, pure gamma, or a sampled table) or `para` (ICC.1:2022 §10.18, types 0–4) curve. */
function readCurve(view: DataView, offset: number, size: number): ((v: number) => number) | null {
  if (size < 12) return null;
  const type = String.fromCharCode(view.getUint8(offset), view.getUint8(offset + 1), view.getUint8(offset + 2), view.getUint8(offset + 3));
  if (type === 'curv') {
    const n = view.getUint32(offset + 8);
    if (size < 12 + 2 * n) return null;
    if (n === 0) return (v) => v;
    if (n === 1) {
      const gamma = view.getUint16(offset + 12) / 256;
      return (v) => v ** gamma;
    }
    const table = Float64Array.from({ length: n }, (_, i) => view.getUint16(offset + 12 + 2 * i) / 65535);
    return (v) => {
      const x = Math.min(1, Math.max(0, v)) * (n - 1);
      const i = Math.min(n - 2, Math.floor(x));
      return table[i]! + (table[i + 1]! - table[i]!) * (x - i);
    };
  }
  if (type === 'para') {
    const kind = view.getUint16(offset + 8);
    const arity = [1, 3, 4, 5, 7][kind];
    if (arity === undefined || size < 12 + 4 * arity) return null;
    const [g = 1, a = 1, b = 0, c = 0, d = 0, e = 0, f = 0] = Array.from({ length: arity }, (_, i) => s15Fixed16(view, offset + 12 + 4 * i));
    const power = (x: number): number => (x > 0 ? x ** g : 0);
    switch (kind) {
      case 0:
        return (v) => power(v);
      case 1:
        return (v) => (v >= -b / a ? power(a * v + b) : 0);
      case 2:
        return (v) => (v >= -b / a ? power(a * v + b) + c : c);
      case 3:
        return (v) => (v >= d ? power(a * v + b) : c * v);
      default:
        return (v) => (v >= d ? power(a * v + b) + e : c * v + f);
    }
  }
  return null;
}
