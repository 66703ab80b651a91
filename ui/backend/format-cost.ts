/** Under a cent, four decimals: a hosted call on one screenshot costs fractions of a cent. */
const CENT = 0.01;

/** USD as the panel shows it: `$0`, `$0.0006`, `$0.12`. */
export function formatCost(usd: number): string {
  if (usd === 0) return '$0';
  return `$${usd.toFixed(usd < CENT ? 4 : 2)}`;
}
