/** The seed when CHORUS_FUZZ_SEED is unset: a fixed one, so the suite sends the same inputs on every run. */
export const DEFAULT_FUZZ_SEED = 0x0c0105;

/**
 * The fuzz seed: CHORUS_FUZZ_SEED as a decimal or 0x-hex integer, `random` for a fresh one
 * (printed by the test, to be replayed), or the default. Throws on anything else, so a typo
 * does not silently fall back to the default.
 */
export function fuzzSeed(value: string | undefined = process.env.CHORUS_FUZZ_SEED): number {
  if (value === undefined || value.trim() === '') return DEFAULT_FUZZ_SEED;
  const text = value.trim();
  if (text === 'random') return Math.floor(Math.random() * 0x1_0000_0000) >>> 0;
  const seed = Number(text);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) throw new Error(`CHORUS_FUZZ_SEED must be an integer from 0 to 2^32 - 1, or "random"; got "${value}".`);
  return seed;
}
