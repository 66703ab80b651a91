/** Milliseconds for a report: two decimals under 10, one above; `—` for NaN. */
export function formatMs(v: number): string {
  return Number.isFinite(v) ? (Math.abs(v) < 10 ? v.toFixed(2) : v.toFixed(1)) : '—';
}
