/** Throws a RangeError unless `value` is a whole, non-negative token count. */
export function assertTokenCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number of tokens ≥ 0, got ${value}.`);
}
