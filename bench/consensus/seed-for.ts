/**
 * A 32-bit seed for one (seed, image, model) draw: FNV-1a over the parts, so every simulated
 * model on every image has its own stream and adding an image does not shift the others.
 */
export function seedFor(...parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
