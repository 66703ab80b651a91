/** A standard normal draw (Box–Muller) from a uniform [0, 1) source such as `mulberry32`. */
export function gaussian(random: () => number): number {
  // 1 − u keeps the logarithm's argument in (0, 1]: mulberry32 can return exactly 0.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
